//! Repairs of the tagger's tags, before the lemmatiser and the parser read them: names read as
//! pronouns, adverbs, verbs or common nouns, past tenses read as participles, adjectives read
//! as nouns. They change tags (UPOS, XPOS, FEATS) only.

use crate::doc::{Feats, Feature, Sentence, Token, Upos, Value, Xpos};

/// The tag repairs, in the order the pipeline runs them. The tagger's lexicon tells a rare word
/// from a known one (`unknown_names_read_as_adverbs`).
pub fn repair(sentence: &mut Sentence, tagger: &crate::tagger::Tagger) {
    capitals_as_names(sentence);
    unknown_names_read_as_adverbs(sentence, tagger);
    repair_by_context(sentence);
}

/// `Tense=Past|VerbForm=Part`, of a past tense the repairs find is a participle.
const PARTICIPLE: Feats = Feats::EMPTY
    .with(Feature::Tense, Value::Past)
    .with(Feature::VerbForm, Value::Part);

/// `Number=Sing`, of a noun the repairs retag.
const SINGULAR: Feats = Feats::EMPTY.with(Feature::Number, Value::Sing);

/// Retags a verb as a finite past tense (`VBD`), for the repairs that find a participle is one.
pub(super) fn past_tense(t: &mut Token) {
    const PAST: Feats = Feats::EMPTY
        .with(Feature::Mood, Value::Ind)
        .with(Feature::Tense, Value::Past)
        .with(Feature::VerbForm, Value::Fin);
    t.xpos = Xpos::Vbd;
    t.feats = PAST;
}

/// A capitalised word the tagger hardly saw, read as an adverb at the start of a sentence and
/// followed by its verb, is a name: "Zelensky later flew to Berlin" had "Zelensky" an adverb (its
/// ending and the adverb after it), and the sentence lost its subject. New adverbs end in "-ly";
/// rare old ones open a sentence without a verb right after ("Moreover there are …"). (The
/// verb may be read as a participle: "OpenAI named Sam Altman …".)
fn unknown_names_read_as_adverbs(sentence: &mut Sentence, tagger: &crate::tagger::Tagger) {
    let t = &mut sentence.tokens;
    let Some(first) = t.first() else {
        return;
    };
    let mut chars = first.form.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(char::is_alphabetic);
    let lower = first.form.to_lowercase();
    // It opens the sentence and a finite verb follows it, past any adverbs: it is the subject.
    // ("Moreover there are", "Furthermore ,", "Approx 4 months" stay adverbs.)
    let verb_next = t[1..]
        .iter()
        .find(|x| !matches!(x.xpos, Xpos::Rb | Xpos::Rbr))
        .is_some_and(|x| {
            matches!(
                x.xpos,
                Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md | Xpos::Vbn
            )
        });
    if first.xpos == Xpos::Rb
        && title_case
        && verb_next
        && !lower.ends_with("ly")
        && !tagger.knows(&lower)
    {
        t[0].xpos = Xpos::Nnp;
        t[0].upos = Upos::Propn;
        t[0].feats = SINGULAR;
    }
}

/// The tag repairs after [`unknown_names_read_as_adverbs`], which read only the sentence (so the
/// tests run them without a tagger): the second part of a hyphenated name
/// ([`hyphenated_names`]), past tenses read as participles ([`past_tense_before_an_object`]),
/// titles, capitalised nouns inside names and adjectives read as nouns.
fn repair_by_context(sentence: &mut Sentence) {
    quotation_marks_read_as_words(sentence);
    unspaced_hyphens(sentence);
    verbs_read_as_plural_nouns(sentence);
    hyphenated_names(sentence);
    perfect_auxiliary_read_as_a_verb(sentence);
    prepositions_read_as_adverbs(sentence);
    gerund_of_an_accusation_read_as_a_noun(sentence);
    past_tense_before_an_object(sentence);
    coordinated_past_tense(sentence);
    past_only_forms_read_as_participles(sentence);
    titles_end_in_a_noun(sentence);
    capitalised_nouns_inside_names(sentence);
    adjectives_read_as_nouns(sentence);
}

/// Whether a noun phrase that opens with a determiner, a possessive or a number follows token
/// `i`. (A number after a number is a date or a code: "invoice 4327 dated 4/14/00".)
fn determined_phrase_at(t: &[Token], i: usize) -> bool {
    let Some(next) = t.get(i + 1) else {
        return false;
    };
    matches!(next.xpos, Xpos::Dt | Xpos::PrpDollar)
        || (next.xpos == Xpos::Cd && i > 0 && t[i - 1].xpos != Xpos::Cd)
}

/// Whether the words after token `i` are a verb's object: a determiner, possessive, number or
/// noun (an adjective or adverb only when a noun follows it: "raised key rates", "struck
/// southern Turkey"), or a number with its approximation ("killed at least 20 people", "more
/// than 100", "nearly 300").
fn object_at(t: &[Token], i: usize) -> bool {
    let Some(next) = t.get(i + 1) else {
        return false;
    };
    let noun = |x: &Token| x.xpos.is_noun();
    let word = |k: usize| t.get(k).map(|x| x.form.to_lowercase()).unwrap_or_default();
    let number_at = |k: usize| t.get(k).is_some_and(|x| x.xpos == Xpos::Cd);
    let quantified = (word(i + 1) == "at"
        && matches!(word(i + 2).as_str(), "least" | "most")
        && number_at(i + 3))
        || (matches!(word(i + 1).as_str(), "more" | "fewer" | "less")
            && word(i + 2) == "than"
            && number_at(i + 3))
        || (matches!(
            word(i + 1).as_str(),
            "nearly" | "almost" | "about" | "roughly" | "around" | "approximately" | "some"
        ) && number_at(i + 2));
    determined_phrase_at(t, i)
        || noun(next)
        || quantified
        || (matches!(next.xpos, Xpos::Jj | Xpos::Rb) && t.get(i + 2).is_some_and(noun))
}

/// A participle after "and" with an object, coordinated with a past tense that has no
/// auxiliary, is a past tense too: "Officers raided 11 sites and seized cash", "the army
/// shelled the town and killed 12 people". Read as a participle, it became an adjective of
/// the object ("seized cash") and the second act was lost. (After an auxiliary the participle
/// shares it: "have killed 31 people and displaced 200,000" stays.)
fn coordinated_past_tense(sentence: &mut Sentence) {
    let t = &sentence.tokens;
    let mut fix = Vec::new();
    for i in 2..t.len().saturating_sub(1) {
        let form = t[i].form.to_lowercase();
        if t[i].xpos != Xpos::Vbn
            || !matches!(t[i - 1].form.as_str(), "and" | "or")
            || NAMING_PARTICIPLES.contains(&form.as_str())
            || participle_only(&form)
            || !object_at(t, i)
        {
            continue;
        }
        // The verb before "and" (past any comma, its object and its qualifiers), with no
        // auxiliary, modal or subordinator between the sentence's start or a semicolon and it.
        // (Participles in between modify nouns and are skipped: "seized 312 radiated tortoises
        // hidden in suitcases and arrested two Thai nationals"; an auxiliary stops the search.)
        let Some(v) = (0..i - 1).rev().find(|&k| {
            (t[k].upos == Upos::Verb || t[k].upos == Upos::Aux)
                && !matches!(t[k].xpos, Xpos::Vbn | Xpos::Vbg)
        }) else {
            continue;
        };
        if t[v].xpos != Xpos::Vbd || t[v].upos != Upos::Verb {
            continue;
        }
        let clause_start = (0..v)
            .rev()
            .find(|&k| matches!(t[k].form.as_str(), ";" | ":"))
            .map_or(0, |k| k + 1);
        let helped = (clause_start..v).any(|k| {
            matches!(t[k].upos, Upos::Aux | Upos::Sconj)
                || t[k].xpos == Xpos::Md
                || t[k].xpos.is_wh()
        });
        if !helped {
            fix.push(i);
        }
    }
    for i in fix {
        let tok = &mut sentence.tokens[i];
        past_tense(tok);
        tok.upos = Upos::Verb;
    }
}

/// "the outbreak could return during next year's rainy season": the tagger read "during" as an
/// adverb, and the parser made the season the verb's object. "during", "despite", "amid" and
/// "via" are prepositions (EWT's training part: 102 of 104) when a noun phrase follows.
fn prepositions_read_as_adverbs(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for i in 0..t.len().saturating_sub(1) {
        let word = t[i].form.to_lowercase();
        let phrase_after = matches!(
            t[i + 1].xpos,
            Xpos::Dt
                | Xpos::Nn
                | Xpos::Nns
                | Xpos::Nnp
                | Xpos::Nnps
                | Xpos::Jj
                | Xpos::Cd
                | Xpos::PrpDollar
        );
        if matches!(word.as_str(), "during" | "despite" | "amid" | "via")
            && t[i].upos != Upos::Adp
            && phrase_after
        {
            t[i].upos = Upos::Adp;
            t[i].xpos = Xpos::In;
            t[i].feats = Feats::EMPTY;
        }
    }
}

/// "accused the tanker of smuggling fuel", "suspected of running call centres": the tagger read
/// the "-ing" word as a noun ("smuggling fuel" a kind of fuel), and what the accused did was
/// lost. After a verb of accusing (`verb_classes.tsv`'s `accusing`, by its forms: the lemmatiser
/// runs later) and the "of" that follows it within a few words, an "-ing" word read as a noun
/// before a noun phrase is the gerund.
fn gerund_of_an_accusation_read_as_a_noun(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let accusing = |w: &str| {
        let w = w.to_lowercase();
        ["accus", "suspect", "blam", "convict"]
            .iter()
            .any(|p| w.starts_with(p))
    };
    for v in 0..t.len() {
        if t[v].upos != Upos::Verb || !accusing(&t[v].form) {
            continue;
        }
        let Some(of) = (v + 1..t.len().min(v + 8)).find(|&k| t[k].form.eq_ignore_ascii_case("of"))
        else {
            continue;
        };
        let g = of + 1;
        let phrase_after = t.get(g + 1).is_some_and(|n| {
            matches!(
                n.xpos,
                Xpos::Dt
                    | Xpos::Nn
                    | Xpos::Nns
                    | Xpos::Cd
                    | Xpos::PrpDollar
                    | Xpos::Jj
                    | Xpos::Dollar
            ) || n.upos == Upos::Propn
        });
        if t.get(g).is_some_and(|x| {
            x.form.ends_with("ing") && matches!(x.xpos, Xpos::Nn | Xpos::Jj) && x.form.len() > 5
        }) && phrase_after
        {
            t[g].upos = Upos::Verb;
            t[g].xpos = Xpos::Vbg;
            t[g].feats = Feats::EMPTY.with(Feature::VerbForm, Value::Ger);
        }
    }
}

/// "have" before a participle, past adverbs only, is the perfect's auxiliary: "Neither film has
/// yet found a distributor". Read as the main verb, it took the participle for its complement
/// and the clause said "has" (nothing). A past tense there is the participle ("has won").
fn perfect_auxiliary_read_as_a_verb(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for i in 0..t.len() {
        if t[i].upos != Upos::Verb
            || !matches!(
                t[i].form.to_lowercase().as_str(),
                "has" | "have" | "had" | "having"
            )
        {
            continue;
        }
        let Some(next) =
            (i + 1..t.len()).find(|&k| !matches!(t[k].xpos, Xpos::Rb | Xpos::Rbr | Xpos::Rbs))
        else {
            continue;
        };
        // A past tense after it is the participle of the same form ("has won the runoff":
        // "won" read as a past tense made "has" the verb and "won" its complement).
        if t[next].xpos == Xpos::Vbd && t[next].upos == Upos::Verb {
            t[next].xpos = Xpos::Vbn;
            t[next].feats = PARTICIPLE;
        }
        if t[next].xpos == Xpos::Vbn {
            t[i].upos = Upos::Aux;
        }
    }
}

/// Words WordNet knows only as adjectives (see data/gazetteer/README.md).
const ADJECTIVES: &str = include_str!("../../../../data/gazetteer/adjectives.txt");

/// "A jury found him guilty": the tagger read "guilty" as a common noun, so the parser made it
/// an object. A lowercase word tagged as a singular common noun that can only be an adjective
/// is one.
fn adjectives_read_as_nouns(sentence: &mut Sentence) {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        ADJECTIVES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    for t in &mut sentence.tokens {
        // (Not a participle, which EWT often tags as one, "thought-provoking", nor "online".)
        let participle = t.form.ends_with("ing") || t.form.ends_with("ed");
        if t.xpos == Xpos::Nn
            && t.form.chars().all(|c| c.is_ascii_lowercase())
            && !participle
            && t.form != "online"
            && set.contains(t.form.as_str())
        {
            t.xpos = Xpos::Jj;
            t.upos = Upos::Adj;
            t.feats = Feats::EMPTY.with(Feature::Degree, Value::Pos);
        }
    }
}

/// "Chinese Foreign Minister Wang Yi": the tagger read "Wang" as a common noun, and the
/// recogniser, which reads the tags, then found no name. A capitalised word inside a sentence,
/// tagged as a common noun between two proper nouns, is a proper noun itself.
fn capitalised_nouns_inside_names(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let proper = |x: &Token| {
        x.xpos.is_proper_noun() && x.form.chars().next().is_some_and(char::is_uppercase)
    };
    let g = crate::gazetteer::gazetteer();
    for i in 1..t.len().saturating_sub(1) {
        if t[i].xpos != Xpos::Nn || !proper(&t[i - 1]) || !proper(&t[i + 1]) {
            continue;
        }
        let mut chars = t[i].form.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.clone().next().is_some()
            && chars.all(char::is_lowercase);
        // (A title or another word for a person keeps its tag: "NASA Administrator Mike
        // Griffin".)
        let title = g.is_title(&t[i].form) || g.is_agent_noun(&t[i].form.to_lowercase());
        if capitalised && !title {
            t[i].xpos = Xpos::Nnp;
            t[i].upos = Upos::Propn;
        }
    }
}

/// "Boeing's chief executive Dave Calhoun": the tagger read "executive" as an adjective of
/// "chief", and the parser then made "chief" the subject beside the name. A title of several
/// words in the gazetteer ("chief executive", "foreign minister") ends in a noun.
fn titles_end_in_a_noun(sentence: &mut Sentence) {
    let g = crate::gazetteer::gazetteer();
    let t = &mut sentence.tokens;
    // Only an adjective can need it, so only before one is the title list looked up (the
    // look-up lowercases its words: not for every token).
    for j in 1..t.len() {
        let ends_a_title = t[j].xpos == Xpos::Jj
            && (j.saturating_sub(3)..j).any(|s| g.title_at(t, s) == Some(j + 1));
        if ends_a_title {
            t[j].xpos = Xpos::Nn;
            t[j].upos = Upos::Noun;
            t[j].feats = SINGULAR;
        }
    }
}

/// Past tenses of strong verbs that are never participles ("rose", not "risen"; "fell", not
/// "fallen"). Those whose past tense can also be a participle ("got", "forgot", "hid", "struck",
/// "shone") or a present tense ("lay") are left out.
const PAST_ONLY: &[&str] = &[
    "arose",
    "ate",
    "awoke",
    "became",
    "began",
    "bit",
    "blew",
    "broke",
    "came",
    "chose",
    "did",
    "drank",
    "drew",
    "drove",
    "fell",
    "flew",
    "forbade",
    "forgave",
    "froze",
    "gave",
    "grew",
    "knew",
    "mistook",
    "overcame",
    "overtook",
    "ran",
    "rang",
    "rode",
    "rose",
    "sang",
    "sank",
    "saw",
    "shook",
    "shrank",
    "slew",
    "spoke",
    "sprang",
    "stank",
    "stole",
    "strode",
    "strove",
    "swam",
    "swore",
    "took",
    "tore",
    "threw",
    "undertook",
    "underwent",
    "went",
    "withdrew",
    "woke",
    "wore",
    "wove",
    "wrote",
];

/// "Oil prices rose by 3 percent": the tagger read "rose" as a participle, the parser then made
/// "prices" the root with "rose" its modifier and "3 percent" the agent. A form that can only be
/// a past tense is one.
fn past_only_forms_read_as_participles(sentence: &mut Sentence) {
    for t in &mut sentence.tokens {
        if t.xpos == Xpos::Vbn && PAST_ONLY.contains(&t.form.to_lowercase().as_str()) {
            past_tense(t);
        }
    }
}

/// A capitalised word glued by a hyphen to a proper noun is no verb but part of the name. The
/// tokeniser splits hyphens as EWT does ("Sam Bankman | - | Fried"), and the tagger, which sees
/// the part alone, read "Fried" as the participle of "fry": the parser then made it the
/// sentence's verb. (Only verbs: adjectives and nouns glued to names are often right as they are,
/// "US-Saudi", "Bush-Bashers".)
fn hyphenated_names(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for i in 2..t.len() {
        let joined = t[i - 1].form == "-" && !t[i - 2].space_after && !t[i - 1].space_after;
        if joined
            && t[i - 2].xpos.is_proper_noun()
            && t[i].form.chars().next().is_some_and(char::is_uppercase)
            && t[i].form.chars().any(char::is_lowercase)
            && t[i].xpos.is_verb()
        {
            t[i].xpos = Xpos::Nnp;
            t[i].upos = Upos::Propn;
            t[i].feats = SINGULAR;
        }
    }
}

/// "State Senator J.E. `` Buster '' Brown …": text tokenised in the Penn Treebank's way writes
/// quotation marks as two backquotes and two apostrophes, which EWT (plain `"`) never has; the
/// tagger read "``" as a noun, and the parser made it the senator's name ("(Buster Brown) be
/// (``)"). A token of quotation marks alone is punctuation: opening for "``", "“", "„", "«",
/// closing for "''", "”", "»", and a straight `"` by the space before it (none: closing).
/// (Not a lone apostrophe: "the students' union" has a possessive.)
fn quotation_marks_read_as_words(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    for i in 0..t.len() {
        let opening = match t[i].form.as_str() {
            "``" | "\u{201c}" | "\u{201e}" | "\u{ab}" => true,
            "''" | "\u{201d}" | "\u{bb}" => false,
            "\"" => i == 0 || t[i - 1].space_after,
            _ => continue,
        };
        if t[i].upos != Upos::Punct {
            t[i].upos = Upos::Punct;
            t[i].xpos = if opening {
                Xpos::OpenQuote
            } else {
                Xpos::CloseQuote
            };
            t[i].feats = Feats::EMPTY;
        }
    }
}

/// A hyphen with no space on either side, between two words, joins them ("Garuda-1",
/// "start-up"; EWT splits such words and tags the hyphen `HYPH` 632 times in 700): the tagger,
/// which sees "-" also as a dash between clauses, read some as commas or colons, and the parser
/// then attached what followed as a new phrase. Web text also writes a dash that way ("the
/// little girl-10 yrs. old", "814014-why can't you"), so the word after it must be a content
/// word, and a number after it must follow a name ("Garuda-1"); between two numbers it is a
/// range, `SYM` in EWT ("1946-1954").
fn unspaced_hyphens(sentence: &mut Sentence) {
    let t = &mut sentence.tokens;
    let first = |x: &Token| x.form.chars().next();
    let word = |x: &Token| first(x).is_some_and(char::is_alphanumeric);
    let number = |x: &Token| first(x).is_some_and(|c| c.is_ascii_digit());
    let content = |x: &Token| {
        matches!(
            x.upos,
            Upos::Noun | Upos::Propn | Upos::Adj | Upos::Verb | Upos::Num | Upos::Adv
        ) && !x.xpos.is_wh()
    };
    for i in 1..t.len().saturating_sub(1) {
        let (before, after) = (&t[i - 1], &t[i + 1]);
        let name_and_number = first(before).is_some_and(char::is_uppercase) || !number(after);
        if t[i].form == "-"
            && !before.space_after
            && !t[i].space_after
            && word(before)
            && word(after)
            && content(after)
            && name_and_number
            && !(number(before) && number(after))
            && t[i].xpos != Xpos::Hyph
        {
            t[i].xpos = Xpos::Hyph;
            t[i].upos = Upos::Punct;
            t[i].feats = Feats::EMPTY;
        }
    }
}

/// Verbs that take a to-infinitive: WordNet's frame "Somebody ----s to INFINITIVE" (see
/// data/gazetteer/README.md).
const INFINITIVE_VERBS: &str = include_str!("../../../../data/gazetteer/infinitive_verbs.txt");

/// Whether a lowercase "-s" form is the present tense of a verb that takes a to-infinitive
/// ("plans", "vows", "tries", "wishes").
fn takes_infinitive(form: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        INFINITIVE_VERBS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    let ies = form.strip_suffix("ies").map(|stem| format!("{stem}y"));
    ies.as_deref().is_some_and(|v| set.contains(v))
        || form.strip_suffix("es").is_some_and(|v| set.contains(v))
        || form.strip_suffix('s').is_some_and(|v| set.contains(v))
}

/// A verb that takes a to-infinitive, read as a plural noun between its subject and "to"
/// ("the government plans to cut spending", "Akashdeep Aerospace plans to launch"): EWT has
/// "plans" only as a noun, and the parser then made "to cut" a clause modifying "plans", losing
/// the statement. Retagged as a present-tense verb when the word before is a singular noun (the
/// subject's head, not a possessor's noun: "the company's plans to" stays), the word after is
/// "to" with a base verb, and the word is the "-s" form of a verb WordNet gives a to-infinitive
/// frame. ("expansion plans to build", a compound, reads the same; the verb reading is the one
/// news uses.)
fn verbs_read_as_plural_nouns(sentence: &mut Sentence) {
    const PRESENT_3SG: Feats = Feats::EMPTY
        .with(Feature::Mood, Value::Ind)
        .with(Feature::Number, Value::Sing)
        .with(Feature::Person, Value::Third)
        .with(Feature::Tense, Value::Pres)
        .with(Feature::VerbForm, Value::Fin);
    let t = &mut sentence.tokens;
    for i in 1..t.len().saturating_sub(2) {
        let form = t[i].form.to_lowercase();
        let subject = matches!(t[i - 1].xpos, Xpos::Nn | Xpos::Nnp);
        let infinitive = t[i + 1].form.eq_ignore_ascii_case("to") && t[i + 2].xpos == Xpos::Vb;
        if t[i].xpos == Xpos::Nns && subject && infinitive && takes_infinitive(&form) {
            t[i].xpos = Xpos::Vbz;
            t[i].upos = Upos::Verb;
            t[i].feats = PRESENT_3SG;
        }
    }
}

/// An all-capitals word of two or more letters that the tagger read as a pronoun, determiner or
/// wh-word ("WHO", "US", "IT") is an acronym in a sentence written in mixed case: the tagger's
/// features fold case, and the treebank has the words almost only in lower case. Re-tagged as a
/// proper noun before lemmatising and parsing. A sentence in capitals (a headline, shouting) is
/// left alone.
fn capitals_as_names(sentence: &mut Sentence) {
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let mixed = sentence
        .tokens
        .iter()
        .any(|t| t.form.chars().any(char::is_lowercase));
    if !mixed {
        return;
    }
    for t in &mut sentence.tokens {
        if matches!(t.upos, Upos::Pron | Upos::Det) && capitals(&t.form) {
            t.upos = Upos::Propn;
            t.xpos = Xpos::Nnp;
        }
    }
}

/// Participles that take a noun phrase even when passive: "a man named Smith", "a firm called
/// Acme", "an area considered safe", "a letter dated 4 May".
pub(super) const NAMING_PARTICIPLES: [&str; 15] = [
    "dated",
    "named",
    "called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "termed",
    "labelled",
    "labeled",
    "considered",
    "deemed",
    "given",
    "shown",
    "told",
];

/// Participles that make compound adjectives with a noun before them ("state owned").
const COMPOUND_PARTICIPLES: [&str; 10] = [
    "based",
    "owned",
    "backed",
    "led",
    "funded",
    "sponsored",
    "controlled",
    "operated",
    "run",
    "made",
];

/// Irregular participles that are never a past tense: "stolen", "shown", "done", "begun".
pub(super) fn participle_only(form: &str) -> bool {
    ["en", "wn", "ne", "rn"].iter().any(|e| form.ends_with(e))
        || [
            "begun", "sung", "rung", "drunk", "swum", "sunk", "shrunk", "sprung", "stunk",
        ]
        .contains(&form)
}

/// A past participle (or a regular past read as an adjective) right after a noun and right
/// before a noun phrase, with no auxiliary, is a verb in the past tense: "The central bank
/// raised rates", "Police fired tear gas", "the president dissolved parliament". The tagger
/// reads such words as participles of a reduced relative ("the man killed in the crash"), which
/// makes the sentence a noun with a modifier and loses its main clause; but a passive participle
/// takes no object, so one followed by a noun phrase is active (the naming verbs above aside).
fn past_tense_before_an_object(sentence: &mut Sentence) {
    let t = &sentence.tokens;
    let noun = |x: &Token| x.xpos.is_noun();
    // Clauses end at punctuation, conjunctions, subordinators and wh-words.
    // ("after", "since" … also when the tagger read them as prepositions.)
    let boundary = |x: &&Token| {
        matches!(x.form.as_str(), "," | ";" | ":" | "--" | "(")
            || matches!(x.upos, Upos::Cconj | Upos::Sconj)
            || x.xpos.is_wh()
            || [
                "after", "before", "since", "until", "because", "as", "while",
            ]
            .iter()
            .any(|w| x.form.eq_ignore_ascii_case(w))
    };
    let mut fix = Vec::new();
    for i in 1..t.len().saturating_sub(1) {
        let form = t[i].form.to_lowercase();
        // (Or read as an adjective: "Sri Lanka's president dissolved parliament"; not a
        // capitalised one, part of a title: "Rocky M. Lange Retired Coordinator".)
        // (The WordNet check last: only after a noun does the rest of the rule apply.)
        let adjective = t[i].xpos == Xpos::Jj
            && t[i].form == form
            && matches!(
                t[i - 1].xpos,
                Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Nnps | Xpos::Cd
            )
            && crate::lemma::is_regular_past(&form);
        if t[i].xpos != Xpos::Vbn && !adjective {
            continue;
        }
        if NAMING_PARTICIPLES.contains(&form.as_str()) || participle_only(&form) {
            continue;
        }
        // After its subject's last word: a noun, or a number ending it ("an earthquake of
        // magnitude 6.4 struck …").
        let after_noun = matches!(
            t[i - 1].xpos,
            Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Nnps | Xpos::Cd
        );
        let determined = determined_phrase_at(t, i);
        let object = object_at(t, i);
        // "family owned company", "web based games", "US backed forces": a noun and one of these
        // participles make a compound adjective of a bare noun; only "owned the land" is a verb.
        if COMPOUND_PARTICIPLES.contains(&form.as_str()) && !determined {
            continue;
        }
        // No auxiliary or other verb before it in its clause: it would then be a perfect, a
        // passive ("has raised rates", "was given books") or a clause of its own. (A clause
        // after "after", "because", ", and" … starts afresh: "… after heavy rain caused …".)
        // A participle opening the clause before a noun modifies that noun, whether an
        // adjective ("Protesting farmers blocked roads") or a gerund with its object ("Eating
        // vegetables helped him"): either way the later verb is finite.
        let clause: Vec<usize> = (0..i).rev().take_while(|&k| !boundary(&&t[k])).collect();
        let opening_participle = |k: usize| {
            t[k].xpos == Xpos::Vbg
                && Some(&k) == clause.last()
                && t.get(k + 1).is_some_and(|x| noun(x) || x.xpos == Xpos::Jj)
        };
        let verb_before = clause.iter().any(|&k| {
            let x = &t[k];
            (matches!(x.upos, Upos::Aux | Upos::Verb) || x.xpos.is_verb() || x.xpos == Xpos::Md)
                && !opening_participle(k)
        });
        // Nor a finite verb later in the same clause, which the participle's noun would then be
        // the subject of: "The bills sold yesterday settle today", "the infantry based part of
        // the doctrine demanded …".
        let verb_after = t[i + 1..]
            .iter()
            .take_while(|x| !boundary(x))
            .any(|x| x.xpos.is_finite_or_modal());
        if after_noun && object && !verb_before && !verb_after {
            fix.push(i);
        }
    }
    for i in fix {
        let tok = &mut sentence.tokens[i];
        past_tense(tok);
        tok.upos = Upos::Verb;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Upos;
    use crate::repairs::notation::{tagged, xpos};

    #[test]
    fn a_verb_before_to_and_its_infinitive_is_no_plural_noun() {
        let mut s = tagged(
            "the/DET/DT government/NOUN/NN plans/NOUN/NNS to/PART/TO cut/VERB/VB spending/NOUN/NN",
        );
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Vbz);
        assert_eq!(s.tokens[2].upos, Upos::Verb);
        // After a possessive or a determiner it is the noun; so it is without the infinitive,
        // and for a noun whose verb takes no infinitive ("efforts", "numbers").
        for text in [
            "the/DET/DT company/NOUN/NN 's/PART/POS plans/NOUN/NNS to/PART/TO grow/VERB/VB",
            "his/PRON/PRP$ plans/NOUN/NNS to/PART/TO grow/VERB/VB",
            "the/DET/DT government/NOUN/NN plans/NOUN/NNS to/ADP/IN Ghana/PROPN/NNP",
            "the/DET/DT government/NOUN/NN efforts/NOUN/NNS to/PART/TO cut/VERB/VB",
            "car/NOUN/NN numbers/NOUN/NNS to/PART/TO reach/VERB/VB",
        ] {
            let mut s = tagged(text);
            repair_by_context(&mut s);
            assert!(!xpos(&s).contains(&Xpos::Vbz), "{text}");
        }
    }

    #[test]
    fn quotation_marks_read_as_words_are_punctuation() {
        let mut s = tagged(
            "Senator/PROPN/NNP ``/NOUN/NN Buster/PROPN/NNP ''/PROPN/NNP Brown/PROPN/NNP \
             said/VERB/VBD \u{201c}/NOUN/NN no/INTJ/UH \u{201d}/PUNCT/''",
        );
        repair_by_context(&mut s);
        assert_eq!(
            xpos(&s),
            [
                Xpos::Nnp,
                Xpos::OpenQuote,
                Xpos::Nnp,
                Xpos::CloseQuote,
                Xpos::Nnp,
                Xpos::Vbd,
                Xpos::OpenQuote,
                Xpos::Uh,
                Xpos::CloseQuote
            ]
        );
        assert!([1, 3, 6].iter().all(|&i| s.tokens[i].upos == Upos::Punct));
    }

    #[test]
    fn an_unspaced_hyphen_between_words_is_a_hyphen() {
        let mut s = tagged("the/DET/DT Garuda/PROPN/NNP -/PUNCT/, 1/NUM/CD ,/PUNCT/, next/ADJ/JJ");
        // "Garuda-1": no space on either side of the hyphen.
        s.tokens[1].space_after = false;
        s.tokens[2].space_after = false;
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Hyph);
        // With a space it is a dash.
        let mut s = tagged("it/PRON/PRP rained/VERB/VBD -/PUNCT/, we/PRON/PRP left/VERB/VBD");
        s.tokens.iter_mut().for_each(|t| t.space_after = true);
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Comma);
        // Between numbers it is a range.
        let mut s = tagged("aged/VERB/VBN 13/NUM/CD -/SYM/SYM 17/NUM/CD");
        s.tokens.iter_mut().for_each(|t| t.space_after = false);
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Sym);
        // Before a function word, or a number after a common word, it is a dash.
        for text in [
            "is/AUX/VBZ 814014/NUM/CD -/PUNCT/, why/ADV/WRB can/AUX/MD",
            "the/DET/DT girl/NOUN/NN -/PUNCT/, 10/NUM/CD yrs/NOUN/NNS",
        ] {
            // Unspaced, as in "814014-why" or "girl-10".
            let mut s = tagged(text);
            s.tokens.iter_mut().for_each(|t| t.space_after = false);
            repair_by_context(&mut s);
            assert_eq!(xpos(&s)[2], Xpos::Comma, "{text}");
        }
        assert!(takes_infinitive("plans") && takes_infinitive("tries"));
    }

    #[test]
    fn a_form_that_is_only_a_past_tense_is_no_participle() {
        let mut s = tagged("Oil/NOUN/NN prices/NOUN/NNS rose/VERB/VBN by/ADP/IN 3/NUM/CD");
        repair_by_context(&mut s);
        assert_eq!(
            xpos(&s),
            [Xpos::Nn, Xpos::Nns, Xpos::Vbd, Xpos::In, Xpos::Cd]
        );
        // A participle form stays one: "has risen", "was struck" ("struck" is both).
        for text in [
            "Prices/NOUN/NNS have/AUX/VBP risen/VERB/VBN",
            "It/PRON/PRP was/AUX/VBD struck/VERB/VBN",
        ] {
            let mut s = tagged(text);
            repair_by_context(&mut s);
            assert_eq!(xpos(&s)[2], Xpos::Vbn, "{text}");
        }
    }

    #[test]
    fn a_participle_before_an_approximate_number_is_a_past_tense() {
        for text in [
            "strikes/NOUN/NNS killed/VERB/VBN at/ADP/IN least/ADJ/JJS 20/NUM/CD people/NOUN/NNS",
            "strikes/NOUN/NNS killed/VERB/VBN more/ADJ/JJR than/ADP/IN 20/NUM/CD people/NOUN/NNS",
            "strikes/NOUN/NNS killed/VERB/VBN nearly/ADV/RB 20/NUM/CD people/NOUN/NNS",
        ] {
            let mut s = tagged(text);
            repair_by_context(&mut s);
            assert_eq!(xpos(&s)[1], Xpos::Vbd, "{text}");
        }
        // "at" before a place is no approximation: "the man killed at home".
        let mut s = tagged("the/DET/DT man/NOUN/NN killed/VERB/VBN at/ADP/IN home/NOUN/NN");
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Vbn);
    }

    #[test]
    fn a_capitalised_common_noun_between_proper_nouns_is_one() {
        let mut s =
            tagged("Foreign/ADJ/NNP Minister/PROPN/NNP Wang/NOUN/NN Yi/PROPN/NNP said/VERB/VBD");
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Nnp);
        // Not a title ("NASA Administrator Mike Griffin"), nor a word in lowercase.
        for text in [
            "NASA/PROPN/NNP Administrator/NOUN/NN Mike/PROPN/NNP",
            "Paris/PROPN/NNP office/NOUN/NN Ana/PROPN/NNP",
        ] {
            let mut s = tagged(text);
            repair_by_context(&mut s);
            assert_eq!(xpos(&s)[1], Xpos::Nn, "{text}");
        }
    }

    #[test]
    fn a_word_that_can_only_be_an_adjective_is_one() {
        let mut s = tagged("found/VERB/VBD him/PRON/PRP guilty/NOUN/NN");
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Jj);
        // A noun stays one ("a guilty verdict" aside, "verdict" is a noun), and so do
        // participles EWT tags as nouns or verbs ("a thought provoking film").
        for text in [
            "the/DET/DT verdict/NOUN/NN",
            "thought/NOUN/NN provoking/NOUN/NN",
        ] {
            let mut s = tagged(text);
            repair_by_context(&mut s);
            assert_eq!(xpos(&s)[1], Xpos::Nn, "{text}");
        }
    }

    #[test]
    fn a_title_of_several_words_ends_in_a_noun() {
        let mut s =
            tagged("Boeing/PROPN/NNP 's/PART/POS chief/NOUN/NN executive/ADJ/JJ Dave/PROPN/NNP");
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[3], Xpos::Nn);
        // An adjective that ends no title stays one: "an executive order".
        let mut s = tagged("an/DET/DT executive/ADJ/JJ order/NOUN/NN");
        repair_by_context(&mut s);
        assert_eq!(xpos(&s)[1], Xpos::Jj);
    }

    #[test]
    fn a_capitalised_verb_glued_to_a_name_is_part_of_it() {
        let mut s =
            tagged("Ana/PROPN/NNP Berg/PROPN/NNP -/PUNCT/HYPH Baked/VERB/VBN spoke/VERB/VBD");
        for t in &mut s.tokens {
            t.space_after = true;
        }
        s.tokens[1].space_after = false;
        s.tokens[2].space_after = false;
        hyphenated_names(&mut s);
        assert_eq!(
            xpos(&s),
            [Xpos::Nnp, Xpos::Nnp, Xpos::Hyph, Xpos::Nnp, Xpos::Vbd]
        );
        assert_eq!(s.tokens[3].upos, Upos::Propn);
        // Spaced, after a common noun, or an adjective: left alone.
        for (text, glued) in [
            (
                "Ana/PROPN/NNP Berg/PROPN/NNP -/PUNCT/HYPH Baked/VERB/VBN",
                false,
            ),
            ("oil/NOUN/NN -/PUNCT/HYPH Fired/VERB/VBN", true),
            ("US/PROPN/NNP -/PUNCT/HYPH Saudi/ADJ/JJ", true),
        ] {
            let mut s = tagged(text);
            let n = s.tokens.len();
            for t in &mut s.tokens[..n - 1] {
                t.space_after = !glued;
            }
            let before = xpos(&s);
            hyphenated_names(&mut s);
            assert_eq!(xpos(&s), before, "{text}");
        }
    }

    #[test]
    fn during_before_a_noun_phrase_is_a_preposition() {
        let mut s = tagged("return/VERB/VB during/ADV/RB next/ADJ/JJ year/NOUN/NN");
        prepositions_read_as_adverbs(&mut s);
        assert_eq!(xpos(&s)[1], Xpos::In);
    }

    #[test]
    fn the_gerund_of_an_accusation_is_a_verb() {
        let mut s = tagged(
            "officials/NOUN/NNS accused/VERB/VBD the/DET/DT tanker/NOUN/NN of/SCONJ/IN \
             smuggling/NOUN/NN fuel/NOUN/NN",
        );
        gerund_of_an_accusation_read_as_a_noun(&mut s);
        assert_eq!(xpos(&s)[5], Xpos::Vbg);
        // Not after another verb: "the cost of running shoes".
        let mut s = tagged(
            "they/PRON/PRP cut/VERB/VBD the/DET/DT cost/NOUN/NN of/ADP/IN running/NOUN/NN \
             shoes/NOUN/NNS",
        );
        gerund_of_an_accusation_read_as_a_noun(&mut s);
        assert_eq!(xpos(&s)[5], Xpos::Nn);
    }

    #[test]
    fn have_before_a_participle_is_the_auxiliary() {
        let mut s = tagged(
            "Neither/DET/DT film/NOUN/NN has/VERB/VBZ yet/ADV/RB found/VERB/VBN a/DET/DT \
             distributor/NOUN/NN",
        );
        perfect_auxiliary_read_as_a_verb(&mut s);
        assert_eq!(s.tokens[2].upos, Upos::Aux);
        // A past tense after it is the participle: "has won the runoff".
        let mut s = tagged("Quispe/PROPN/NNP has/VERB/VBZ won/VERB/VBD the/DET/DT runoff/NOUN/NN");
        perfect_auxiliary_read_as_a_verb(&mut s);
        assert_eq!((s.tokens[1].upos, s.tokens[2].xpos), (Upos::Aux, Xpos::Vbn));
        // "has" with an object stays the verb.
        let mut s = tagged("The/DET/DT film/NOUN/NN has/VERB/VBZ a/DET/DT distributor/NOUN/NN");
        perfect_auxiliary_read_as_a_verb(&mut s);
        assert_eq!(s.tokens[2].upos, Upos::Verb);
    }

    #[test]
    fn a_participle_after_and_with_an_object_shares_the_past_tense_before_it() {
        let mut s = tagged(
            "Officers/NOUN/NNS raided/VERB/VBD 11/NUM/CD sites/NOUN/NNS and/CCONJ/CC \
             seized/VERB/VBN cash/NOUN/NN ./PUNCT/.",
        );
        coordinated_past_tense(&mut s);
        assert_eq!((xpos(&s)[5], s.tokens[5].upos), (Xpos::Vbd, Upos::Verb));
        // Past a participle that modifies the object.
        let mut s = tagged(
            "Officers/NOUN/NNS seized/VERB/VBD tortoises/NOUN/NNS hidden/VERB/VBN in/ADP/IN \
             bags/NOUN/NNS and/CCONJ/CC arrested/VERB/VBN two/NUM/CD men/NOUN/NNS",
        );
        coordinated_past_tense(&mut s);
        assert_eq!(xpos(&s)[7], Xpos::Vbd);
        // After an auxiliary the participle shares it; without an object it is no verb's.
        for text in [
            "Floods/NOUN/NNS have/AUX/VBP killed/VERB/VBN 31/NUM/CD people/NOUN/NNS and/CCONJ/CC displaced/VERB/VBN 200,000/NUM/CD",
            "Officers/NOUN/NNS raided/VERB/VBD sites/NOUN/NNS and/CCONJ/CC left/VERB/VBN ./PUNCT/.",
            "Police/NOUN/NNS had/AUX/VBD raided/VERB/VBN sites/NOUN/NNS and/CCONJ/CC seized/VERB/VBN cash/NOUN/NN",
        ] {
            let mut s = tagged(text);
            let before = xpos(&s);
            coordinated_past_tense(&mut s);
            assert_eq!(xpos(&s), before, "{text}");
        }
    }

    #[test]
    fn a_participle_with_an_object_after_its_subject_is_a_past_tense() {
        let mut s =
            tagged("The/DET/DT bank/NOUN/NN raised/VERB/VBN key/ADJ/JJ rates/NOUN/NNS ./PUNCT/.");
        past_tense_before_an_object(&mut s);
        assert_eq!(
            xpos(&s),
            [
                Xpos::Dt,
                Xpos::Nn,
                Xpos::Vbd,
                Xpos::Jj,
                Xpos::Nns,
                Xpos::Period
            ]
        );
        assert_eq!(s.tokens[2].upos, Upos::Verb);
        let mut s =
            tagged("Guards/NOUN/NNS fired/VERB/VBN warning/NOUN/NN shots/NOUN/NNS ./PUNCT/.");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[1], Xpos::Vbd);
        // A regular past read as an adjective ("dissolved oxygen").
        let mut s =
            tagged("The/DET/DT president/NOUN/NN dissolved/ADJ/JJ parliament/NOUN/NN ./PUNCT/.");
        past_tense_before_an_object(&mut s);
        assert_eq!((xpos(&s)[2], s.tokens[2].upos), (Xpos::Vbd, Upos::Verb));
        // Not an adjective that is no verb's past ("the red one"), nor one after a verb.
        for text in [
            "The/DET/DT president/NOUN/NN red/ADJ/JJ parliament/NOUN/NN",
            "Water/NOUN/NN contains/VERB/VBZ dissolved/ADJ/JJ oxygen/NOUN/NN",
        ] {
            let mut s = tagged(text);
            let before = xpos(&s);
            past_tense_before_an_object(&mut s);
            assert_eq!(xpos(&s), before, "{text}");
        }
        let mut s = tagged("A/DET/DT storm/NOUN/NN of/ADP/IN category/NOUN/NN 4/NUM/CD hit/VERB/VBN northern/ADJ/JJ Florida/PROPN/NNP");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[5], Xpos::Vbd);
        // A clause of its own after a subordinator, whatever the verbs before it.
        let mut s = tagged("Roads/NOUN/NNS were/AUX/VBD closed/VERB/VBN after/ADP/IN snow/NOUN/NN blocked/VERB/VBN the/DET/DT passes/NOUN/NNS");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[2..6], [Xpos::Vbn, Xpos::In, Xpos::Nn, Xpos::Vbd]);
        // A participle opening the clause before its noun is no verb before the participle.
        let mut s =
            tagged("Marching/VERB/VBG students/NOUN/NNS closed/VERB/VBN the/DET/DT road/NOUN/NN");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Vbd);
        // One later in the clause still is: "students having closed the road".
        let mut s =
            tagged("Students/NOUN/NNS having/VERB/VBG closed/VERB/VBN the/DET/DT road/NOUN/NN");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[2], Xpos::Vbn);
    }

    #[test]
    fn participles_that_can_be_passive_stay() {
        for text in [
            // Naming verbs take a noun phrase in the passive.
            "A/DET/DT man/NOUN/NN named/VERB/VBN Smith/PROPN/NNP won/VERB/VBD ./PUNCT/.",
            // A participle-only form.
            "The/DET/DT cars/NOUN/NNS stolen/VERB/VBN last/ADJ/JJ week/NOUN/NN returned/VERB/VBD",
            // No object: a reduced relative reading stays possible.
            "The/DET/DT man/NOUN/NN injured/VERB/VBN in/ADP/IN the/DET/DT crash/NOUN/NN died/VERB/VBD",
            // An auxiliary or another verb before it.
            "Rates/NOUN/NNS were/AUX/VBD raised/VERB/VBN this/DET/DT week/NOUN/NN",
            // A compound adjective: "a family owned company".
            "a/DET/DT family/NOUN/NN owned/VERB/VBN company/NOUN/NN ./PUNCT/.",
            // A finite verb after it in the same clause, whose subject the noun is.
            "Bonds/NOUN/NNS sold/VERB/VBN this/DET/DT week/NOUN/NN settle/VERB/VBP today/NOUN/NN",
        ] {
            let mut s = tagged(text);
            let before = xpos(&s);
            past_tense_before_an_object(&mut s);
            assert_eq!(xpos(&s), before, "{text}");
        }
    }
}
