//! Repairs after the recogniser: a name is one unit, without its leading article, and the head
//! of its title rather than the title's apposition. They change mention spans and the tree
//! around names, never the recogniser's types.

use crate::doc::{Deprel, EntityType, Sentence, Token, Upos};

/// The name repairs, in the order the pipeline runs them.
pub fn repair(sentence: &mut Sentence) {
    articles_off_names(sentence);
    names_as_units(sentence);
    titles_read_as_heads(sentence);
}

/// A leading article is not part of a name in the graph ("The World Bank" is the World Bank,
/// the node every other mention of it names), unless the gazetteer has the name with it ("The
/// Hague"). UNER sometimes includes it, so the recogniser's own output (and its UNER score)
/// keeps it; the pipeline drops it.
fn articles_off_names(sentence: &mut Sentence) {
    let g = crate::gazetteer::gazetteer();
    for m in &mut sentence.mentions {
        let mut words: Vec<&str> = sentence.tokens[m.start..m.end]
            .iter()
            .map(|t| t.form.as_str())
            .collect();
        if words.len() > 1 && matches!(words[0], "The" | "the") {
            words[0] = "The";
            if g.place(&words).is_none() {
                m.start += 1;
            }
        }
    }
}

/// A name is one unit of the tree. The parser sometimes splits a name the recogniser found,
/// making one part an apposition of the other and hanging the clause's modifiers on the second
/// part ("met his counterpart Penny | Wong in Beijing on Tuesday", with "Penny" read as the coin
/// and "Wong" as its apposition, "in Beijing" and "on Tuesday" under "Wong"). For a mention of a
/// person, organisation or place whose words form one subtree: its inner appositions and list
/// items become `flat`, and words outside it that hang on a word other than its head hang on its
/// head instead, so the extractor sees one name with the modifiers of the name. Nor is the
/// name a list item or apposition of the capitalised words written right before it ("North
/// Korean Premier | Kim Tok Hun", with "Kim" a list item of "Korean"): it joins their phrase.
fn names_as_units(sentence: &mut Sentence) {
    let tokens = &mut sentence.tokens;
    for m in &sentence.mentions {
        if m.end - m.start < 2
            || !matches!(
                m.kind,
                EntityType::Person | EntityType::Organization | EntityType::Place
            )
        {
            continue;
        }
        let inside = |h: Option<usize>| h.is_some_and(|h| m.start <= h && h < m.end);
        let mut heads = (m.start..m.end).filter(|&i| !inside(tokens[i].head));
        let (Some(head), None) = (heads.next(), heads.next()) else {
            continue;
        };
        for t in &mut tokens[m.start..m.end] {
            if matches!(t.deprel, Deprel::Appos | Deprel::List) && inside(t.head) {
                t.deprel = Deprel::Flat;
            }
        }
        for (i, t) in tokens.iter_mut().enumerate() {
            // (Not an adjective the parser coordinated with a piece of the name: "Kim Jong Un
            // and Russian | President Putin" has "Russian" a conjunct of "Un", which the name's
            // head must not inherit.)
            let stray_conjunct = t.deprel == Deprel::Conj
                && !matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num);
            if (i < m.start || i >= m.end)
                && inside(t.head)
                && t.head != Some(head)
                && !stray_conjunct
            {
                t.head = Some(head);
            }
        }
        let capitalised = |t: &Token| t.form.chars().next().is_some_and(char::is_uppercase);
        if let Some(p) = tokens[head].head.filter(|&p| p < m.start) {
            if matches!(tokens[head].deprel, Deprel::List | Deprel::Appos)
                && tokens[p..m.start].iter().all(capitalised)
            {
                tokens[head].deprel = Deprel::Flat;
            }
        }
    }
}

/// A title the parser made the head of the person named right after it ("met Chinese leader
/// | Xi Jinping in Beijing on Friday", with "leader" the object, "Xi Jinping" its apposition and
/// the meeting's place and time under the name) is the name's modifier, as the parser reads
/// "Chinese President Xi Jinping": the name takes the title's place in the clause and the title
/// becomes a compound of the name. Only for a name written right after its title word; an
/// apposition set off by a comma ("the leader, Xi Jinping, ...") is left as it is.
fn titles_read_as_heads(sentence: &mut Sentence) {
    let g = crate::gazetteer::gazetteer();
    let tokens = &mut sentence.tokens;
    for m in &sentence.mentions {
        if m.kind != EntityType::Person || m.start == 0 {
            continue;
        }
        let inside = |h: Option<usize>| h.is_some_and(|h| m.start <= h && h < m.end);
        let mut heads = (m.start..m.end).filter(|&i| !inside(tokens[i].head));
        let (Some(name), None) = (heads.next(), heads.next()) else {
            continue;
        };
        let title = m.start - 1;
        if tokens[name].head != Some(title)
            || tokens[name].deprel != Deprel::Appos
            || !g.is_title(&tokens[title].form)
            || matches!(tokens[title].deprel, Deprel::Appos | Deprel::Root)
        {
            continue;
        }
        tokens[name].head = tokens[title].head;
        tokens[name].deprel = std::mem::replace(&mut tokens[title].deprel, Deprel::Compound);
        tokens[title].head = Some(name);
        // The title's own modifiers ("Chinese", "the") stay on it.
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Upos;
    use crate::repairs::notation::{parsed, tree};

    #[test]
    fn a_leading_article_is_not_part_of_a_name() {
        use crate::doc::EntityType::{Organization, Place};
        let mut s = parsed(
            "The/_/_/_/2/det Fund/_/_/_/3/nsubj said/_/_/_/0/root the/_/_/_/5/det \
             Hague/_/_/_/3/obj",
            &[(0, 2, Organization), (3, 5, Place)],
        );
        articles_off_names(&mut s);
        let spans: Vec<(usize, usize)> = s.mentions.iter().map(|m| (m.start, m.end)).collect();
        // "The Hague" is a gazetteer name with its article; "Fund" alone stays a name.
        assert_eq!(spans, [(1, 2), (3, 5)]);
    }

    #[test]
    fn a_name_split_by_the_parser_is_one_unit_with_the_modifiers() {
        use crate::doc::EntityType::{Other, Person};
        // "Lima" read as an apposition of "Ana", with the clause's place and time under it.
        let mut s = parsed(
            "They/_/_/_/2/nsubj met/_/_/_/0/root Ana/_/_/_/2/obj Lima/_/_/_/3/appos \
             in/_/_/_/6/case Oslo/_/_/_/4/nmod on/_/_/_/8/case Friday/_/_/_/4/nmod ./_/_/_/2/punct",
            &[(2, 4, Person), (5, 6, crate::doc::EntityType::Place)],
        );
        names_as_units(&mut s);
        assert_eq!(
            tree(&s),
            [
                "They/2/nsubj",
                "met/0/root",
                "Ana/2/obj",
                "Lima/3/flat",
                "in/6/case",
                "Oslo/3/nmod",
                "on/8/case",
                "Friday/3/nmod",
                "./2/punct"
            ]
        );

        // A name the parser made a list item of the title and nationality before it.
        let mut s = parsed(
            "Brazilian/_/_/_/5/nsubj Senator/_/_/_/1/flat Ana/_/_/_/1/list Lima/_/_/_/3/flat \
             spoke/_/_/_/0/root",
            &[(0, 1, Other), (2, 4, Person)],
        );
        names_as_units(&mut s);
        assert_eq!(tree(&s)[2], "Ana/1/flat");

        // A conjunct hung on a piece of the name moves to its head if it is a noun, not if it
        // is an adjective the parser coordinated ("Ana Lima and Danish | Premier Lars Holm").
        for (upos, moved) in [(Upos::Propn, "Tom/1/conj"), (Upos::Adj, "Danish/2/conj")] {
            let mut s = parsed(
                "Ana/_/_/_/5/nsubj Lima/_/_/_/1/flat and/_/_/_/4/cc X/_/_/_/2/conj \
                 spoke/_/_/_/0/root",
                &[(0, 2, Person)],
            );
            s.tokens[3].upos = upos;
            s.tokens[3].form = moved.split('/').next().unwrap().into();
            names_as_units(&mut s);
            assert_eq!(tree(&s)[3], moved);
        }

        // Left alone: a list set off by a comma, and a mention that is no subtree.
        let text = "Oslo/_/_/_/4/nsubj ,/_/_/_/3/punct Ana/_/_/_/1/list spoke/_/_/_/0/root";
        let mut s = parsed(text, &[(2, 3, Person)]);
        names_as_units(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
        let text = "Ana/_/_/_/3/nsubj Lima/_/_/_/4/obj met/_/_/_/0/root Tom/_/_/_/3/obj";
        let mut s = parsed(text, &[(0, 2, Person)]);
        names_as_units(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_title_read_as_the_head_of_the_name_after_it_is_its_modifier() {
        use crate::doc::EntityType::{Person, Place};
        // "met Chinese leader Xi Jinping in Beijing", as the parser read it.
        let mut s = parsed(
            "Lula/_/_/_/2/nsubj met/_/_/_/0/root Chinese/_/_/_/4/amod leader/_/_/_/2/obj \
             Xi/_/_/_/6/compound Jinping/_/_/_/4/appos in/_/_/_/8/case Beijing/_/_/_/6/nmod \
             ./_/_/_/2/punct",
            &[(0, 1, Person), (4, 6, Person), (7, 8, Place)],
        );
        titles_read_as_heads(&mut s);
        assert_eq!(
            tree(&s),
            [
                "Lula/2/nsubj",
                "met/0/root",
                "Chinese/4/amod",
                "leader/6/compound",
                "Xi/6/compound",
                "Jinping/2/obj",
                "in/8/case",
                "Beijing/6/nmod",
                "./2/punct"
            ]
        );
        // Left alone: an apposition set off by a comma, and a noun that is no title.
        for text in [
            "Lula/_/_/_/2/nsubj met/_/_/_/0/root the/_/_/_/4/det leader/_/_/_/2/obj \
             ,/_/_/_/7/punct Xi/_/_/_/7/compound Jinping/_/_/_/4/appos",
            "Lula/_/_/_/2/nsubj met/_/_/_/0/root the/_/_/_/4/det man/_/_/_/2/obj \
             Xi/_/_/_/6/compound Jinping/_/_/_/4/appos",
        ] {
            let n = text.split_whitespace().count();
            let mut s = parsed(text, &[(n - 2, n, Person)]);
            let before = tree(&s);
            titles_read_as_heads(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }
}
