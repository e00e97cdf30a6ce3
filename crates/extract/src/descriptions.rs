//! Nominal statements: what the words around a name say about it without a verb, a step of the
//! extractor of its own that runs before coreference (so that "the Lagos-based lender" and the
//! names in these statements are resolved like any other argument):
//!
//! - a description before a name: "the construction firm Grupo Itaúna", "Georgian director Nino
//!   Beridze", "Malaysian mobile operators Selatan Mobile and TeraLink" → name `be` description
//!   (titles are roles, [`crate::roles`]);
//! - where an organisation is based: "the Accra-based brokerage Volta Capital", "the Lagos-based
//!   lender", "a family-owned company based in Andria", "Ghana's Sahel Microfinance", "the
//!   Warsaw newspaper Gazeta Finansowa" → `be based in` the place; "Poland's Marta Zielińska"
//!   → `be from`;
//! - a place inside a place: "the town of Lucunga in northern Mozambique", "the Liszt Academy in
//!   Budapest", "Nigeria's northeastern Borno state", "the Iranian port of Bandar Abbas",
//!   "Maputo, Mozambique" → `be in` (or `be near` for "near").
//!
//! The rules read the words and the recogniser's mentions more than the parse, which often
//! misreads these phrases; the parse only keeps a place that the verb governs ("attacked
//! Ukraine in Kharkiv") from being read as a place inside a place. What they say is the
//! writer's, never attributed, and always asserted.

use crate::doc::{CharOffsets, Document, EntityType, Mention, Sentence, Token, Upos, Xpos};
use crate::mentions::{lower, text_of};
use crate::statement::{Argument, ArgumentKind, Modality, Provenance, Relation, Statement};
use kg_nlp::gazetteer::{gazetteer, PlaceKind};

/// Adjectives that place a place inside another ("northern Mozambique", "neighbouring Kenya").
const PLACE_ADJECTIVES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "neighbouring",
    "neighboring",
    "coastal",
    "rural",
];

/// The nominal statements of an annotated document, in sentence order.
pub fn statements(document: &Document) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut offsets = document.char_offsets();
    for (si, sentence) in document.sentences.iter().enumerate() {
        if sentence.tokens.is_empty() || sentence.mentions.is_empty() {
            continue;
        }
        let reader = Reader { document, sentence };
        let mut found = Vec::new();
        reader.based(&mut found);
        reader.based_in(&mut found);
        reader.possessive_place(&mut found);
        reader.descriptions(&mut found);
        reader.places_in_places(&mut found);
        if found.is_empty() {
            continue;
        }
        let provenance = provenance(document, si, &mut offsets);
        let mut seen = std::collections::HashSet::new();
        for (subject, relation, object) in found {
            if subject.text == object.text
                || !seen.insert((subject.text.clone(), relation, object.text.clone()))
            {
                continue;
            }
            out.push(statement(subject, relation, object, provenance.clone()));
        }
    }
    out
}

/// A statement found: subject, relation lemma, object.
type Found = (Argument, &'static str, Argument);

struct Reader<'a> {
    document: &'a Document,
    sentence: &'a Sentence,
}

impl Reader<'_> {
    fn t(&self) -> &[Token] {
        &self.sentence.tokens
    }

    fn text(&self, a: usize, b: usize) -> String {
        text_of(self.document, &self.t()[a..b])
    }

    fn mention_covering(&self, i: usize) -> Option<&Mention> {
        self.sentence
            .mentions
            .iter()
            .find(|m| m.start <= i && i < m.end)
    }

    fn mention_starting(&self, i: usize) -> Option<&Mention> {
        self.sentence.mentions.iter().find(|m| m.start == i)
    }

    fn mention_ending(&self, i: usize) -> Option<&Mention> {
        self.sentence.mentions.iter().find(|m| m.end == i)
    }

    /// A nationality adjective ("German"): names a country, never the thing itself.
    fn is_demonym(&self, m: &Mention) -> bool {
        m.kind == EntityType::Other
            && m.refers_to
                .as_deref()
                .is_some_and(|r| r != self.text(m.start, m.end))
    }

    /// A place named by a mention (not a nationality adjective).
    fn is_place(&self, m: &Mention) -> bool {
        m.kind == EntityType::Place && !self.is_demonym(m)
    }

    /// The argument of a mention: its name, its type (a nationality names its country).
    fn name(&self, m: &Mention) -> Argument {
        let written = self.text(m.start, m.end);
        let kind = if self.is_demonym(m) {
            EntityType::Place
        } else {
            m.kind
        };
        Argument {
            text: m.refers_to.clone().unwrap_or_else(|| written.clone()),
            full_text: written,
            kind: ArgumentKind::Entity(kind),
            span: (m.start, m.end),
            alias: None,
        }
    }

    /// Words `a..b` as a named entity of `kind` the recogniser missed or took too long.
    fn words_as_name(&self, a: usize, b: usize, kind: EntityType) -> Argument {
        let text = self.text(a, b);
        Argument {
            text: text.clone(),
            full_text: text,
            kind: ArgumentKind::Entity(kind),
            span: (a, b),
            alias: None,
        }
    }

    /// Where a run of capitalised words that starts at `i` ends, with "of", "for", "and" or a
    /// hyphen inside it ("Centre for Media Freedom", "Dar Al-Nakhla"); `i` when there is none.
    fn capitalised_run(&self, i: usize) -> usize {
        let t = self.t();
        let capital = |k: usize| {
            k < t.len()
                && matches!(t[k].upos, Upos::Propn | Upos::Noun | Upos::Adj)
                && t[k].form.chars().next().is_some_and(char::is_uppercase)
        };
        let mut e = i;
        while capital(e) {
            e += 1;
            let joins = e + 1 < t.len()
                && (matches!(lower(&t[e]).as_str(), "of" | "for" | "and" | "de")
                    || (t[e].form == "-" && t[e - 1].end == t[e].start));
            if joins && capital(e + 1) {
                e += 1;
            }
        }
        e
    }

    /// A mention the recogniser typed as a person whose first word is a known first name: a
    /// person, not an organisation it mistyped ("Oleificio Ferrante").
    fn looks_like_person(&self, m: &Mention) -> bool {
        m.kind == EntityType::Person && gazetteer().is_person_name(&self.t()[m.start].form)
    }

    /// Words `a..b` as a concept ("state mining company"); the first word in lower case when it
    /// is capitalised only as the sentence's first ("Opposition lawmaker"). `from` is where the
    /// phrase starts with its determiner.
    fn concept(&self, from: usize, a: usize, b: usize) -> Argument {
        let mut text = self.text(a, b);
        let t = self.t();
        let first_word = a == 0 || (a == 1 && t[0].upos == Upos::Punct);
        if first_word && t[a].upos != Upos::Propn && self.mention_covering(a).is_none() {
            let rest = text.split_at(t[a].form.len()).1.to_owned();
            text = format!("{}{rest}", lower(&t[a]));
        }
        Argument {
            text,
            full_text: self.text(from, b),
            kind: ArgumentKind::Concept,
            span: (from, b),
            alias: None,
        }
    }

    /// The names that start at `i`: a mention of a person or organisation, with the names
    /// coordinated with it when `plural` ("operators Selatan Mobile and TeraLink").
    fn names_at(&self, i: usize, plural: bool) -> Vec<Argument> {
        let t = self.t();
        let Some(first) = self
            .mention_starting(i)
            .filter(|m| matches!(m.kind, EntityType::Person | EntityType::Organization))
        else {
            return Vec::new();
        };
        let mut out = vec![self.name(first)];
        let mut end = first.end;
        while plural && end + 1 < t.len() && matches!(t[end].form.as_str(), "," | "and") {
            let next = if t[end].form == "," && t[end + 1].form == "and" {
                end + 2
            } else {
                end + 1
            };
            match self.mention_starting(next) {
                Some(m) if m.kind == first.kind => {
                    out.push(self.name(m));
                    end = m.end;
                }
                _ => break,
            }
        }
        out
    }

    /// "the Accra-based brokerage Volta Capital", "Singapore-based Lotus Ventures", "the
    /// Lagos-based lender": based in the place, and a description when there is one.
    fn based(&self, out: &mut Vec<Found>) {
        let t = self.t();
        for i in 2..t.len() {
            if lower(&t[i]) != "based" || t[i - 1].form != "-" || t[i - 2].end != t[i - 1].start {
                continue;
            }
            let Some(place) = self.place_before(i - 1) else {
                continue;
            };
            let run_end = self.description_run(i + 1);
            let head_noun = run_end > i + 1
                && (t[run_end - 1].upos == Upos::Noun
                    || (run_end > i + 3 && t[run_end - 2].form == "-"));
            let mut names = self.names_at(run_end, t[run_end.saturating_sub(1)].xpos == Xpos::Nns);
            if names.is_empty() {
                // A name the recogniser missed: "Cairo-based Dar Al-Nakhla", "the Sofia-based
                // Centre for Media Freedom".
                let e = self.capitalised_run(run_end);
                if e > run_end {
                    names.push(self.words_as_name(run_end, e, EntityType::Organization));
                }
            }
            if names.is_empty() && head_noun {
                // The phrase alone, for coreference to resolve: "the Lagos-based lender".
                let det = place
                    .span
                    .0
                    .checked_sub(1)
                    .filter(|&d| lower(&t[d]) == "the");
                if let Some(d) = det {
                    let subject = Argument {
                        kind: ArgumentKind::Concept,
                        ..self.concept(d, place.span.0, run_end)
                    };
                    out.push((subject, "be based in", place));
                }
                continue;
            }
            for name in names {
                if head_noun {
                    out.push((name.clone(), "be", self.concept(i + 1, i + 1, run_end)));
                }
                out.push((name, "be based in", place.clone()));
            }
        }
    }

    /// The place named right before token `end` (a hyphen): a recognised place or
    /// organisation, possibly taken together with "-based" by the recogniser, or a place the
    /// gazetteer knows.
    fn place_before(&self, end: usize) -> Option<Argument> {
        let t = self.t();
        if let Some(m) = self.mention_covering(end - 1) {
            let words: Vec<&str> = self.t()[m.start..end]
                .iter()
                .map(|x| x.form.as_str())
                .collect();
            if m.kind == EntityType::Person && gazetteer().place(&words).is_none() {
                return None;
            }
            if m.end == end {
                return Some(Argument {
                    kind: ArgumentKind::Entity(EntityType::Place),
                    ..self.name(m)
                });
            }
            return Some(self.words_as_name(m.start, end, EntityType::Place));
        }
        let mut s = end;
        while s > 0 && t[s - 1].upos == Upos::Propn {
            s -= 1;
        }
        let words: Vec<&str> = t[s..end].iter().map(|x| x.form.as_str()).collect();
        (s < end && gazetteer().place(&words).is_some())
            .then(|| self.words_as_name(s, end, EntityType::Place))
    }

    /// Where a description that starts at `i` ends: adjectives, nouns and words joined by
    /// hyphens ("logistics start-up", "low-cost airline"), up to a name.
    fn description_run(&self, i: usize) -> usize {
        let t = self.t();
        let mut j = i;
        while j < t.len() && self.mention_starting(j).is_none() {
            let joined = t[j].form == "-" && j > i && t[j - 1].end == t[j].start;
            let word = matches!(t[j].upos, Upos::Adj | Upos::Noun)
                || (j > i && t[j - 1].form == "-" && t[j - 1].end == t[j].start);
            if !(joined || word) || t[j].form.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            j += 1;
        }
        j
    }

    /// "a family-owned company based in the town of Andria", "Kestrel Bank, headquartered in
    /// Lagos": the name (or the named thing the phrase describes) is based in the place.
    fn based_in(&self, out: &mut Vec<Found>) {
        let t = self.t();
        for i in 1..t.len().saturating_sub(2) {
            let relation = match lower(&t[i]).as_str() {
                "based" => "be based in",
                "headquartered" => "be headquartered in",
                _ => continue,
            };
            if lower(&t[i + 1]) != "in" || t[i - 1].form == "-" {
                continue;
            }
            let Some(place) = self.place_after(i + 2) else {
                continue;
            };
            // The phrase before "based": a name, or a description set off after a name.
            let organisation = |m: &&Mention| {
                m.kind == EntityType::Organization
                    || (m.kind == EntityType::Person && !self.looks_like_person(m))
            };
            let subject = if let Some(m) = self.mention_ending(i) {
                (m.kind == EntityType::Place || organisation(&m)).then(|| self.name(m))
            } else if t[i - 1].form == "," {
                self.mention_ending(i - 1)
                    .filter(organisation)
                    .map(|m| self.name(m))
            } else {
                let mut s = i;
                while s > 0
                    && (matches!(t[s - 1].upos, Upos::Adj | Upos::Noun | Upos::Det)
                        || t[s - 1].form == "-"
                        || (s > 1 && t[s - 2].form == "-"))
                {
                    s -= 1;
                }
                (s > 1 && s < i && t[s - 1].form == ",")
                    .then(|| self.mention_ending(s - 1))
                    .flatten()
                    .filter(organisation)
                    .map(|m| self.name(m))
            };
            if let Some(subject) = subject {
                out.push((subject, relation, place));
            }
        }
    }

    /// The place named from token `i` on: after a determiner, adjectives of place and a noun
    /// that classifies it ("the town of Andria", "northern Mozambique").
    fn place_after(&self, i: usize) -> Option<Argument> {
        let t = self.t();
        let mut j = i;
        while j < t.len()
            && (t[j].upos == Upos::Det || PLACE_ADJECTIVES.contains(&lower(&t[j]).as_str()))
        {
            j += 1;
        }
        // (After "the town of", a name the recogniser typed otherwise names the place.)
        let classified = j + 2 < t.len()
            && crate::clauses::is_place_class_noun(&lower(&t[j]))
            && lower(&t[j + 1]) == "of";
        if classified {
            j += 2;
        }
        self.mention_starting(j)
            .filter(|m| self.is_place(m) || (classified && m.kind == EntityType::Person))
            .map(|m| Argument {
                kind: ArgumentKind::Entity(EntityType::Place),
                ..self.name(m)
            })
    }

    /// "Ghana's Sahel Microfinance" (based in), "Poland's Marta Zielińska" (from), "Nigeria's
    /// northeastern Borno state" (in).
    fn possessive_place(&self, out: &mut Vec<Found>) {
        let t = self.t();
        for owner in &self.sentence.mentions {
            if !self.is_place(owner) || t.get(owner.end).is_none_or(|x| x.xpos != Xpos::Pos) {
                continue;
            }
            let place = self.name(owner);
            let after = owner.end + 1;
            if let Some(m) = self.mention_starting(after) {
                match m.kind {
                    EntityType::Person if self.looks_like_person(m) => {
                        out.push((self.name(m), "be from", place))
                    }
                    EntityType::Organization | EntityType::Person => {
                        out.push((self.name(m), "be based in", place))
                    }
                    _ => {}
                }
                continue;
            }
            if let Some(inner) = self.place_after(after) {
                out.push((inner, "be in", place));
            }
        }
    }

    /// "the construction firm Grupo Itaúna", "Indian start-up Akashdeep Aerospace", "the US
    /// investment firm Harbor Peak Capital" (also based in the US): a description of common
    /// words right before the name of a person or organisation.
    fn descriptions(&self, out: &mut Vec<Found>) {
        let t = self.t();
        let g = gazetteer();
        for m in &self.sentence.mentions {
            if !matches!(m.kind, EntityType::Person | EntityType::Organization) || m.start == 0 {
                continue;
            }
            let head = m.start - 1;
            let capitalised = t[head].form.chars().next().is_some_and(char::is_uppercase);
            if t[head].upos != Upos::Noun
                || (capitalised && head > 0)
                || self.mention_covering(head).is_some()
                || g.is_title(&t[head].form)
                || g.title_at(t, head.saturating_sub(2)) == Some(m.start)
                || g.title_at(t, head.saturating_sub(1)) == Some(m.start)
            {
                continue;
            }
            // Back over adjectives, nouns, hyphenated words and nationality adjectives.
            let mut s = head;
            let mut place: Option<Argument> = None;
            while s > 0 {
                let p = s - 1;
                if let Some(d) = self.mention_covering(p) {
                    if self.is_demonym(d) {
                        s = d.start;
                        continue;
                    }
                    let based = (d.start..d.end).any(|k| lower(&t[k]) == "based");
                    if self.is_place(d) && d.end == s && !based {
                        place = Some(self.name(d));
                    }
                    break;
                }
                let hyphen = t[p].form == "-" && t[p].end == t[s].start;
                let joined = p > 0 && t[p - 1].form == "-" && t[p - 1].end == t[p].start;
                let word = matches!(t[p].upos, Upos::Adj | Upos::Noun)
                    && (!t[p].form.chars().next().is_some_and(char::is_uppercase) || p == 0);
                if lower(&t[p]) == "based" || !(hyphen || joined || word) {
                    break;
                }
                s = p;
            }
            // Not after an owner or a name ("Kestrel's board member X", "Sahel board member X").
            if s > 0 && place.is_none() {
                let before = &t[s - 1];
                if before.xpos == Xpos::Pos
                    || before.upos == Upos::Propn
                    || self.mention_covering(s - 1).is_some()
                {
                    continue;
                }
            }
            // (Without its article: "the mining company" is no reference for coreference to
            // resolve to an organisation named before.)
            let description = self.concept(s, s, m.start);
            for name in self.names_at(m.start, t[head].xpos == Xpos::Nns) {
                if let Some(p) = &place {
                    if name.kind == ArgumentKind::Entity(EntityType::Organization) {
                        out.push((name.clone(), "be based in", p.clone()));
                    }
                }
                out.push((name, "be", description.clone()));
            }
        }
    }

    /// "the town of Lucunga in northern Mozambique", "the Liszt Academy in Budapest", "the
    /// Lamboara sanctuary near Toliara", "the Iranian port of Bandar Abbas", "Maputo,
    /// Mozambique".
    fn places_in_places(&self, out: &mut Vec<Found>) {
        let t = self.t();
        let g = gazetteer();
        for a in &self.sentence.mentions {
            let inner = match a.kind {
                EntityType::Place if self.is_place(a) => true,
                EntityType::Organization => true,
                _ => false,
            };
            // "the Iranian port of Bandar Abbas": the port is in the demonym's country.
            if self.is_demonym(a)
                && a.end + 2 < t.len()
                && crate::clauses::is_place_class_noun(&lower(&t[a.end]))
                && lower(&t[a.end + 1]) == "of"
            {
                if let Some(p) = self
                    .mention_starting(a.end + 2)
                    .filter(|m| self.is_place(m))
                {
                    out.push((self.name(p), "be in", self.name(a)));
                }
            }
            if !inner {
                continue;
            }
            let mut e = a.end;
            if e < t.len() && crate::clauses::is_place_class_noun(&lower(&t[e])) {
                e += 1;
            }
            let Some(prep) = t.get(e).map(lower) else {
                continue;
            };
            let relation = match prep.as_str() {
                "in" => "be in",
                "near" => "be near",
                "," => "be in",
                _ => continue,
            };
            let Some(outer) = self.place_after(e + 1) else {
                continue;
            };
            let outer_end = outer.span.1;
            if prep == "," {
                // "Maputo, Mozambique": a place the gazetteer puts in that country.
                let words = |x: usize, y: usize| -> Vec<&str> {
                    t[x..y].iter().map(|w| w.form.as_str()).collect()
                };
                let here = g.place(&words(a.start, a.end));
                let there = g.place(&words(outer.span.0, outer_end));
                let closed = t
                    .get(outer_end)
                    .is_none_or(|w| matches!(w.form.as_str(), "," | "." | ";" | ")"));
                let inside = match (here, there) {
                    (Some(h), Some(c)) => {
                        c.kind == PlaceKind::Country
                            && h.kind != PlaceKind::Country
                            && h.country == c.country
                    }
                    _ => false,
                };
                if inside && closed && e == a.end {
                    out.push((self.name(a), relation, outer));
                }
                continue;
            }
            // A place the verb governs is where something happened, not where the name is:
            // "attacked Ukraine in Kharkiv".
            let governed_by_verb = (outer.span.0..outer_end)
                .filter_map(|k| t[k].head.filter(|&h| h < outer.span.0 || h >= outer_end))
                .any(|h| matches!(t[h].upos, Upos::Verb | Upos::Aux));
            if !governed_by_verb {
                out.push((self.name(a), relation, outer));
            }
        }
    }
}

fn statement(
    subject: Argument,
    lemma: &str,
    object: Argument,
    provenance: Provenance,
) -> Statement {
    let text = format!("is{}", lemma.strip_prefix("be").unwrap_or(lemma));
    Statement {
        subject,
        relation: Relation {
            text,
            lemma: lemma.to_owned(),
        },
        object: Some(object),
        qualifiers: Vec::new(),
        negated: false,
        modality: Modality::Asserted,
        attribution: None,
        confidence: 0.7,
        provenance,
    }
}

fn provenance(document: &Document, index: usize, offsets: &mut CharOffsets<'_>) -> Provenance {
    let s = &document.sentences[index];
    Provenance {
        document_id: document.id.clone(),
        sentence_index: index,
        sentence_start: offsets.at(s.start),
        sentence_end: offsets.at(s.end),
        sentence_text: document.text[s.start..s.end].into(),
    }
}
