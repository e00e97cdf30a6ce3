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

use crate::doc::{Deprel, Document, EntityType, Mention, Sentence, Token, Upos, Xpos};
use crate::mentions::{lower, text_of};
use crate::statement::{Argument, ArgumentKind, Provenance, Relation, Statement};
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
        let provenance = Provenance::of_sentence(document, si, &mut offsets);
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

    /// A mention the recogniser typed as a person whose first or last word is a known name: a
    /// person, not an organisation it mistyped ("Sahel Microfinance").
    fn looks_like_person(&self, m: &Mention) -> bool {
        let g = gazetteer();
        m.kind == EntityType::Person
            && (g.is_person_name(&self.t()[m.start].form)
                || g.is_person_name(&self.t()[m.end - 1].form))
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
            // "the Panama-flagged tanker Coral Dawn" is flagged there as a firm is based.
            let relation = match lower(&t[i]).as_str() {
                "based" => "be based in",
                "flagged" => "be flagged in",
                _ => continue,
            };
            if t[i - 1].form != "-" || t[i - 2].end != t[i - 1].start {
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
                    out.push((subject, relation, place));
                }
                continue;
            }
            names.retain(|n| self.heads_phrase(n.span.1));
            for name in names {
                if head_noun {
                    out.push((name.clone(), "be", self.concept(i + 1, i + 1, run_end)));
                }
                out.push((name, relation, place.clone()));
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
            // (A person can be based somewhere too: "X, a lawyer based in London".)
            let organisation =
                |m: &&Mention| matches!(m.kind, EntityType::Organization | EntityType::Person);
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

    /// Whether the name at `start..end` is the subject or object of a clause on the noun at
    /// `noun`: "the pleadings Enron requested", "the guns Chavez wants to buy", where the noun
    /// is no description of the name.
    fn in_clause_on(&self, noun: usize, start: usize, end: usize) -> bool {
        let t = self.t();
        let inside = |h: Option<usize>| h.is_some_and(|h| start <= h && h < end);
        let Some(name_head) = (start..end).find(|&k| !inside(t[k].head)) else {
            return false;
        };
        let argument = [Deprel::Nsubj, Deprel::Obj, Deprel::Iobj]
            .iter()
            .any(|&r| t[name_head].deprel.is_a(r));
        argument
            && t[name_head].head.is_some_and(|v| {
                matches!(t[v].upos, Upos::Verb | Upos::Aux)
                    && t[v].deprel.is_a(Deprel::Acl)
                    && t[v].head == Some(noun)
            })
    }

    /// Whether the noun at `noun` heads a prepositional phrase of the verb whose subject is
    /// the name at `start..end`.
    fn fronted_phrase(&self, noun: usize, start: usize, end: usize) -> bool {
        let t = self.t();
        let inside = |h: Option<usize>| h.is_some_and(|h| start <= h && h < end);
        // (Or an oblique of that verb whose preposition the parser hung on the verb: "After
        // a short absence Keibler began …", "after" a marker of "began".)
        let own_preposition = t
            .iter()
            .any(|x| x.head == Some(noun) && x.deprel.is_a(Deprel::Case))
            || t[noun].deprel.is_a(Deprel::Obl);
        let subject = (start..end).find(|&k| !inside(t[k].head)).filter(|&k| {
            t[k].deprel.is_a(Deprel::Nsubj) && t[k].head.is_some() && t[k].head == t[noun].head
        });
        own_preposition && subject.is_some()
    }

    /// Whether a name at `start..end` heads its phrase: no lower-case noun follows it that it
    /// would modify ("US-based Al Qaeda operative" describes the operative).
    fn heads_phrase(&self, end: usize) -> bool {
        self.t().get(end).is_none_or(|x| {
            !(matches!(x.upos, Upos::Noun | Upos::Adj)
                && x.form.chars().next().is_some_and(char::is_lowercase))
        })
    }

    /// "the construction firm Grupo Itaúna", "Indian start-up Akashdeep Aerospace", "the US
    /// investment firm Harbor Peak Capital" (also based in the US): a description of common
    /// words right before the name of a person or organisation.
    fn descriptions(&self, out: &mut Vec<Found>) {
        let t = self.t();
        let g = gazetteer();
        for m in &self.sentence.mentions {
            if !matches!(m.kind, EntityType::Person | EntityType::Organization)
                || m.start == 0
                || t[m.start].upos == Upos::Pron
            {
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
            // Not "the pleadings Enron requested" or "the guns Chavez wants".
            if self.in_clause_on(head, m.start, m.end) {
                continue;
            }
            // A person is described by a noun for a person ("writer", "lawmaker"), not by
            // "thanks" or "regards" before a signature (a name the recogniser typed as a
            // person's that starts with no known name may be an organisation's).
            let lemma = if t[head].lemma.is_empty() {
                lower(&t[head])
            } else {
                t[head].lemma.to_lowercase()
            };
            let first_name = m.kind == EntityType::Person && g.is_person_name(&t[m.start].form);
            if first_name && !g.is_agent_noun(&lemma) {
                continue;
            }
            // Not part of a word cut by the walk ("63-person Energy Task Force").
            if t[s].form == "-" {
                continue;
            }
            // Not after an owner, a name or a count ("Kestrel's board member X", "its
            // inception Disney", "Sahel board member X", "10 piece Chicken McNuggets").
            if s > 0 && place.is_none() {
                let before = &t[s - 1];
                if matches!(before.xpos, Xpos::Pos | Xpos::PrpDollar)
                    || matches!(before.upos, Upos::Propn | Upos::Num)
                    || self.mention_covering(s - 1).is_some()
                {
                    continue;
                }
            }
            // A word that opens the sentence on its own is a greeting or a sign-off unless it
            // names a person or group ("Thanks Darla", "Congratulations X"; not
            // "Microbiologist X").
            let bare_opening = s == 0 || (s == 1 && t[0].upos == Upos::Punct);
            if bare_opening && !g.is_agent_noun(&lemma) {
                continue;
            }
            // A noun in a prepositional phrase of a verb whose subject the name is describes
            // no name: "In this movie Google and Amazon create …", "in fact Peder and I".
            if self.fronted_phrase(head, m.start, m.end) {
                continue;
            }
            // A name that modifies a noun after it is no name described ("a silver Marriott
            // member").
            if !self.heads_phrase(m.end) {
                continue;
            }
            // (Without its article: "the mining company" is no reference for coreference to
            // resolve to an organisation named before.)
            let description = self.concept(s, s, m.start);
            let plural = t[head].xpos == Xpos::Nns;
            let names = self.names_at(m.start, plural);
            // A plural describes several names ("operators Selatan Mobile and TeraLink"), not
            // one ("the munitions Putin covets").
            if plural && names.len() < 2 {
                continue;
            }
            for name in names {
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
            // (A country is in no other place: "dangerous to the US in Iraq".)
            let words: Vec<&str> = t[a.start..a.end].iter().map(|w| w.form.as_str()).collect();
            let country = g
                .place(&words)
                .is_some_and(|p| p.kind == PlaceKind::Country);
            if !inner || country {
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
            // A place the gazetteer puts in that country ("Maputo, Mozambique", "Maputo in
            // neighbouring Mozambique"): the words say where it is whatever the parse.
            let words = |x: usize, y: usize| -> Vec<&str> {
                t[x..y].iter().map(|w| w.form.as_str()).collect()
            };
            let here = g.place(&words(a.start, a.end));
            let there = g.place(&words(outer.span.0, outer_end));
            let inside = match (here, there) {
                (Some(h), Some(c)) => {
                    c.kind == PlaceKind::Country
                        && h.kind != PlaceKind::Country
                        && h.country == c.country
                }
                _ => false,
            };
            if prep == "," {
                let closed = t
                    .get(outer_end)
                    .is_none_or(|w| matches!(w.form.as_str(), "," | "." | ";" | ")"));
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
            if !governed_by_verb || (inside && relation == "be in") {
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
        confidence: 0.7,
        ..Statement::new(
            subject,
            Relation::new(text, lemma),
            Some(object),
            provenance,
        )
    }
}

#[cfg(test)]
mod tests {
    //! Hand-built sentences in the notation of the clause tests (`form/UPOS/XPOS/lemma/head/
    //! deprel`, mentions as token ranges), so that the rules are tested, not the parser.
    use super::*;
    use crate::clauses::test_doc as doc;
    use EntityType::{Organization as Org, Other, Person as Per, Place as Loc};

    /// The document with the spaces before tokens `glued` taken out ("Accra - based" written
    /// "Accra-based"), and the mention at `demonym` naming `country`.
    fn written(mut d: Document, glued: &[usize], demonym: Option<(usize, &str)>) -> Document {
        let s = &mut d.sentences[0];
        let mut text = String::new();
        for (i, t) in s.tokens.iter_mut().enumerate() {
            if i > 0 && !glued.contains(&i) {
                text.push(' ');
            }
            t.start = text.len();
            text.push_str(&t.form);
            t.end = text.len();
        }
        for (i, t) in s.tokens.iter_mut().enumerate() {
            t.space_after = !glued.contains(&(i + 1));
        }
        s.end = text.len();
        if let Some((at, country)) = demonym {
            let m = s.mentions.iter_mut().find(|m| m.start == at).unwrap();
            m.refers_to = Some(country.to_owned());
        }
        d.text = text;
        d
    }

    fn triples(d: &Document) -> Vec<(String, String, String)> {
        statements(d)
            .into_iter()
            .map(|s| {
                (
                    s.subject.text,
                    s.relation.lemma,
                    s.object.map(|o| o.text).unwrap_or_default(),
                )
            })
            .collect()
    }

    fn t(s: &str, r: &str, o: &str) -> (String, String, String) {
        (s.into(), r.into(), o.into())
    }

    #[test]
    fn a_description_before_a_name_is_what_the_name_is() {
        let d = doc(
            "Moroccan/ADJ/JJ/moroccan/2/amod writer/NOUN/NN/writer/4/compound \
             Youssef/PROPN/NNP/Youssef/4/compound Bennani/PROPN/NNP/Bennani/5/nsubj \
             won/VERB/VBD/win/0/root ./PUNCT/././5/punct",
            &[(0, 1, Other), (2, 4, Per)],
        );
        let d = written(d, &[5], Some((0, "Morocco")));
        assert_eq!(
            triples(&d),
            vec![t("Youssef Bennani", "be", "Moroccan writer")]
        );
    }

    #[test]
    fn a_noun_whose_clause_the_name_is_in_describes_nothing() {
        // "the pleadings Enron requested": Enron requested them, it is no pleading.
        let d = doc(
            "I/PRON/PRP/I/2/nsubj gathered/VERB/VBD/gather/0/root the/DET/DT/the/4/det \
             pleadings/NOUN/NNS/pleading/2/obj Enron/PROPN/NNP/Enron/6/nsubj \
             requested/VERB/VBD/request/4/acl:relcl",
            &[(4, 5, Org)],
        );
        assert_eq!(triples(&d), vec![]);
        // "After a short absence Keibler began": an oblique of the name's verb, its
        // preposition hung on the verb.
        let d = doc(
            "After/ADP/IN/after/6/mark a/DET/DT/a/4/det short/ADJ/JJ/short/4/amod \
             absence/NOUN/NN/absence/6/obl Keibler/PROPN/NNP/Keibler/6/nsubj \
             began/VERB/VBD/begin/0/root",
            &[(4, 5, Per)],
        );
        assert_eq!(triples(&d), vec![]);
        // "Thanks Darla": a person is described by a noun for a person.
        let d = doc(
            "Thanks/NOUN/NNS/thanks/0/root Darla/PROPN/NNP/Darla/1/appos",
            &[(1, 2, Per)],
        );
        assert_eq!(triples(&d), vec![]);
    }

    #[test]
    fn an_x_flagged_vessel_is_flagged_in_x() {
        let d = doc(
            "the/DET/DT/the/5/det Panama/PROPN/NNP/Panama/4/obl -/PUNCT/HYPH/-/1/punct \
             flagged/VERB/VBN/flag/5/amod tanker/NOUN/NN/tanker/7/compound \
             Coral/PROPN/NNP/Coral/7/compound Dawn/PROPN/NNP/Dawn/8/nsubj \
             sailed/VERB/VBD/sail/0/root",
            &[(1, 2, Loc), (5, 7, Org)],
        );
        let d = written(d, &[2, 3], None);
        assert!(triples(&d).contains(&t("Coral Dawn", "be flagged in", "Panama")));
    }

    #[test]
    fn an_x_based_organisation_is_based_in_x() {
        let d = doc(
            "the/DET/DT/the/5/det Accra/PROPN/NNP/Accra/4/obl -/PUNCT/HYPH/-/1/punct \
             based/VERB/VBN/base/5/amod brokerage/NOUN/NN/brokerage/7/compound \
             Volta/PROPN/NNP/Volta/7/compound Capital/PROPN/NNP/Capital/8/nsubj \
             said/VERB/VBD/say/0/root",
            &[(1, 2, Loc), (5, 7, Org)],
        );
        let d = written(d, &[2, 3], None);
        assert_eq!(
            triples(&d),
            vec![
                t("Volta Capital", "be", "brokerage"),
                t("Volta Capital", "be based in", "Accra"),
            ]
        );
        // Without a name, the description itself, for coreference to resolve; a name that
        // modifies a noun is not what is based there ("US-based Al Qaeda operative").
        let d = doc(
            "The/DET/DT/the/5/det Lagos/PROPN/NNP/Lagos/4/obl -/PUNCT/HYPH/-/2/punct \
             based/VERB/VBN/base/5/amod lender/NOUN/NN/lender/6/nsubj grew/VERB/VBD/grow/0/root",
            &[(1, 2, Loc)],
        );
        let d = written(d, &[2, 3], None);
        let all = statements(&d);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].subject.text, "Lagos-based lender");
        assert_eq!(all[0].subject.full_text, "The Lagos-based lender");
        assert_eq!(all[0].object.as_ref().unwrap().text, "Lagos");
    }

    #[test]
    fn a_description_based_in_a_place_places_the_name_it_describes() {
        let d = doc(
            "warehouses/NOUN/NNS/warehouse/0/root of/ADP/IN/of/3/case \
             Oleificio/PROPN/NNP/Oleificio/1/nmod Ferrante/PROPN/NNP/Ferrante/3/flat \
             ,/PUNCT/,/,/7/punct a/DET/DT/a/7/det company/NOUN/NN/company/3/appos \
             based/VERB/VBN/base/7/acl in/ADP/IN/in/11/case the/DET/DT/the/11/det \
             town/NOUN/NN/town/8/obl of/ADP/IN/of/13/case Andria/PROPN/NNP/Andria/11/nmod",
            &[(2, 4, Per), (12, 13, Per)],
        );
        assert_eq!(
            triples(&d),
            vec![t("Oleificio Ferrante", "be based in", "Andria")]
        );
    }

    #[test]
    fn a_countrys_organisation_is_based_there_and_its_person_from_there() {
        let d = doc(
            "Ghana/PROPN/NNP/Ghana/3/nmod:poss 's/PART/POS/'s/1/case \
             Sahel/PROPN/NNP/Sahel/5/nsubj and/CCONJ/CC/and/5/cc \
             Poland/PROPN/NNP/Poland/7/nmod:poss 's/PART/POS/'s/5/case \
             Marta/PROPN/NNP/Marta/0/root Zielińska/PROPN/NNP/Zielińska/7/flat",
            &[(0, 1, Loc), (2, 3, Org), (4, 5, Loc), (6, 8, Per)],
        );
        assert_eq!(
            triples(&d),
            vec![
                t("Sahel", "be based in", "Ghana"),
                t("Marta Zielińska", "be from", "Poland"),
            ]
        );
    }

    #[test]
    fn a_place_in_a_place_is_in_it_unless_a_verb_puts_it_there() {
        let d = doc(
            "the/DET/DT/the/2/det town/NOUN/NN/town/0/root of/ADP/IN/of/4/case \
             Lucunga/PROPN/NNP/Lucunga/2/nmod in/ADP/IN/in/7/case \
             northern/ADJ/JJ/northern/7/amod Mozambique/PROPN/NNP/Mozambique/2/nmod",
            &[(3, 4, Loc), (6, 7, Loc)],
        );
        assert_eq!(triples(&d), vec![t("Lucunga", "be in", "Mozambique")]);
        // "attacked Ukraine in Kharkiv": the verb's place, and a country is in no place.
        let d = doc(
            "Troops/NOUN/NNS/troop/2/nsubj attacked/VERB/VBD/attack/0/root \
             Odesa/PROPN/NNP/Odesa/2/obj in/ADP/IN/in/5/case Kharkiv/PROPN/NNP/Kharkiv/2/obl",
            &[(2, 3, Loc), (4, 5, Loc)],
        );
        assert_eq!(triples(&d), vec![]);
        // Unless the gazetteer puts the city in that country: "diverting vessels to Maputo in
        // neighbouring Mozambique".
        let d = doc(
            "Ships/NOUN/NNS/ship/2/nsubj sailed/VERB/VBD/sail/0/root to/ADP/IN/to/4/case \
             Maputo/PROPN/NNP/Maputo/2/obl in/ADP/IN/in/6/case Mozambique/PROPN/NNP/Mozambique/2/obl",
            &[(3, 4, Loc), (5, 6, Loc)],
        );
        assert_eq!(triples(&d), vec![t("Maputo", "be in", "Mozambique")]);
        let d = doc(
            "rivalry/NOUN/NN/rivalry/0/root with/ADP/IN/with/3/case \
             Pakistan/PROPN/NNP/Pakistan/1/nmod in/ADP/IN/in/5/case \
             Afghanistan/PROPN/NNP/Afghanistan/3/nmod",
            &[(2, 3, Loc), (4, 5, Loc)],
        );
        assert_eq!(triples(&d), vec![]);
    }

    #[test]
    fn a_port_of_a_nationality_and_a_city_with_its_country_are_in_that_country() {
        let d = doc(
            "the/DET/DT/the/3/det Iranian/ADJ/JJ/iranian/3/amod port/NOUN/NN/port/0/root \
             of/ADP/IN/of/5/case Bandar/PROPN/NNP/Bandar/3/nmod Abbas/PROPN/NNP/Abbas/5/flat",
            &[(1, 2, Other), (4, 6, Loc)],
        );
        let d = written(d, &[], Some((1, "Iran")));
        assert_eq!(triples(&d), vec![t("Bandar Abbas", "be in", "Iran")]);
        let d = doc(
            "in/ADP/IN/in/2/case Limerick/PROPN/NNP/Limerick/0/root ,/PUNCT/,/,/4/punct \
             Ireland/PROPN/NNP/Ireland/2/appos ./PUNCT/././2/punct",
            &[(1, 2, Loc), (3, 4, Loc)],
        );
        assert_eq!(triples(&d), vec![t("Limerick", "be in", "Ireland")]);
    }
}
