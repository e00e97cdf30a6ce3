//! A first extractor over part-of-speech tags, in the manner of ReVerb (Fader et al. 2011):
//! relation phrases are verb groups (`V | V P | V W* P`), arguments the nearest noun-phrase chunks
//! on either side, and the prepositional phrases after them become qualifiers.
//!
//! It needs tags and lemmas, and uses entity mentions and time expressions when the sentence has
//! them. On top of the ReVerb core it expands coordinated arguments, normalises passives with an
//! agent, reads negation and modality from the verb group, attributes facts to the speaker of
//! `X said`/`according to X`, turns `meeting between X and Y` into `X meet Y`, and resolves
//! `the two <nouns>` to the last pair of coordinated entities. The dependency-based clause
//! extractor replaces it; what it cannot do (appositions, relative clauses, control verbs, most
//! coreference) is left to that one.

use crate::doc::{Document, EntityType, Sentence, Token, Upos};
use crate::gazetteer::gazetteer;
use crate::statement::{
    Argument, ArgumentKind, Literal, Modality, Provenance, Qualifier, Relation, Role, Statement,
};

/// Verbs whose coordinated subject expresses a relation between the conjuncts:
/// "X and Y met" means X met Y.
const SYMMETRIC: &[&str] = &[
    "meet",
    "convene",
    "talk",
    "negotiate",
    "confer",
    "clash",
    "reconcile",
];
/// Event nouns that take "between X and Y" or "of the two leaders": read as `meet`.
const MEETING_NOUNS: &[&str] = &["meeting", "talk", "talks", "summit", "encounter"];
/// Verbs that report speech: their subject is the source of the other facts of the sentence.
const SAYING: &[&str] = &[
    "say", "tell", "report", "announce", "claim", "state", "add", "warn",
];
/// A noun-phrase chunk: tokens `start..end`, its head at `end - 1`.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    start: usize,
    end: usize,
}

/// The statements of every sentence of an annotated document.
pub fn extract(document: &Document) -> Vec<Statement> {
    let mut out = Vec::new();
    // The last pair of coordinated entities, antecedent of "the two leaders".
    let mut last_pair: Option<[Argument; 2]> = None;
    for (index, sentence) in document.sentences.iter().enumerate() {
        let provenance = Provenance {
            document_id: document.id.clone(),
            sentence_index: index,
            sentence_start: document.char_offset(sentence.start),
            sentence_end: document.char_offset(sentence.end),
            sentence_text: document.text[sentence.start..sentence.end].to_owned(),
        };
        let reader = SentenceReader::new(document, sentence, &mut last_pair);
        out.extend(reader.statements(&provenance));
    }
    out
}

struct SentenceReader<'a> {
    document: &'a Document,
    sentence: &'a Sentence,
    tokens: &'a [Token],
    chunks: Vec<Chunk>,
    /// For each token, the chunk it belongs to.
    chunk_of: Vec<Option<usize>>,
    last_pair: &'a mut Option<[Argument; 2]>,
}

/// A verb group: tokens `start..end`; `main` is its last verb.
struct VerbGroup {
    start: usize,
    end: usize,
    main: usize,
    negated: bool,
    modality: Modality,
    passive: bool,
}

impl<'a> SentenceReader<'a> {
    fn new(
        document: &'a Document,
        sentence: &'a Sentence,
        last_pair: &'a mut Option<[Argument; 2]>,
    ) -> Self {
        let tokens = &sentence.tokens[..];
        let chunks = chunk(tokens);
        let mut chunk_of = vec![None; tokens.len()];
        for (i, c) in chunks.iter().enumerate() {
            for slot in &mut chunk_of[c.start..c.end] {
                *slot = Some(i);
            }
        }
        SentenceReader {
            document,
            sentence,
            tokens,
            chunks,
            chunk_of,
            last_pair,
        }
    }

    fn lower(&self, i: usize) -> String {
        self.tokens[i].form.to_lowercase()
    }

    fn lemma(&self, i: usize) -> String {
        let t = &self.tokens[i];
        if t.lemma.is_empty() {
            t.form.to_lowercase()
        } else {
            t.lemma.to_lowercase()
        }
    }

    fn statements(mut self, provenance: &Provenance) -> Vec<Statement> {
        let mut out = Vec::new();
        let groups = self.verb_groups();
        let source = self.attribution(&groups);
        for group in &groups {
            let lemma = self.lemma(group.main);
            if SAYING.contains(&lemma.as_str()) && source.is_some() {
                continue;
            }
            out.extend(self.clause(group, provenance));
        }
        out.extend(self.nominal_meetings(provenance));
        for statement in &mut out {
            if statement.attribution.is_none() {
                statement.attribution = source.clone();
            }
        }
        self.remember_pairs();
        out
    }

    /// Verb groups: optional auxiliaries, adverbs and negation, then a verb; "expected to V",
    /// "plans to V" fold into the group as modality.
    fn verb_groups(&self) -> Vec<VerbGroup> {
        let t = self.tokens;
        let mut groups = Vec::new();
        let mut i = 0;
        while i < t.len() {
            if !matches!(t[i].upos, Upos::Aux | Upos::Verb) {
                i += 1;
                continue;
            }
            let start = i;
            let mut main = None;
            let mut negated = false;
            let mut modality = Modality::Asserted;
            let mut has_be = false;
            let mut j = i;
            while j < t.len() {
                let lower = self.lower(j);
                match t[j].upos {
                    Upos::Aux => {
                        match lower.as_str() {
                            "could" | "may" | "might" | "can" | "would" | "should" | "must" => {
                                modality = Modality::Possible
                            }
                            "will" | "shall" | "'ll" | "wo" => modality = Modality::Future,
                            _ => {}
                        }
                        if self.lemma(j) == "be" {
                            has_be = true;
                        }
                        main = Some(j);
                    }
                    Upos::Verb => main = Some(j),
                    Upos::Part if matches!(lower.as_str(), "not" | "n't") => negated = true,
                    Upos::Adv if matches!(lower.as_str(), "never") => negated = true,
                    Upos::Adv => {}
                    // "expected to focus", "plans to build": the first verb is modality.
                    Upos::Part if lower == "to" && main.is_some() => {
                        let m = main.unwrap();
                        let lemma = self.lemma(m);
                        let next_is_verb = t.get(j + 1).is_some_and(|n| n.upos == Upos::Verb);
                        let folded = match lemma.as_str() {
                            "expect" | "likely" | "set" => Some(Modality::Expected),
                            "plan" | "intend" | "aim" | "want" | "hope" | "seek" | "try" => {
                                Some(Modality::Planned)
                            }
                            "go" if has_be => Some(Modality::Future),
                            _ => None,
                        };
                        match (folded, next_is_verb) {
                            (Some(m), true) => {
                                modality = m;
                                has_be = false;
                            }
                            _ => break,
                        }
                    }
                    _ => break,
                }
                j += 1;
            }
            let Some(main) = main else {
                i = j.max(i + 1);
                continue;
            };
            // Trailing adverbs are not part of the group.
            let end = main + 1;
            let passive = has_be && t[main].xpos == "VBN";
            groups.push(VerbGroup {
                start,
                end,
                main,
                negated,
                modality,
                passive,
            });
            i = end.max(i + 1);
        }
        groups
    }

    /// The speaker of the sentence, from "according to X" or a saying verb with a subject.
    fn attribution(&self, groups: &[VerbGroup]) -> Option<Argument> {
        let t = self.tokens;
        for i in 0..t.len().saturating_sub(1) {
            if self.lower(i) == "according" && self.lower(i + 1) == "to" {
                if let Some(c) = self.chunk_of.get(i + 2).copied().flatten() {
                    return self.argument(self.chunks[c]);
                }
            }
        }
        for g in groups {
            if SAYING.contains(&self.lemma(g.main).as_str()) && !g.passive {
                let subject = self
                    .left_chunk(g.start)
                    .or_else(|| self.right_chunk(g.end, 1))
                    .and_then(|c| self.argument(self.chunks[c]))?;
                if !matches!(subject.kind, ArgumentKind::Unresolved) {
                    return Some(subject);
                }
            }
        }
        None
    }

    /// The nearest chunk ending right before `i` (adverbs and commas of an apposition skipped),
    /// never across a verb or a clause boundary.
    fn left_chunk(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let tok = &self.tokens[j];
            if let Some(c) = self.chunk_of[j] {
                // A time phrase is a circumstance, never the subject ("Last week, X met Y").
                if self.is_time(self.chunks[c]) {
                    j = self.chunks[c].start;
                    continue;
                }
                // A relative word stands for the noun before it: "Kim, who met Putin".
                let lower = self.lower(j);
                if matches!(lower.as_str(), "who" | "which" | "that")
                    && self.chunks[c].end - self.chunks[c].start == 1
                {
                    continue;
                }
                return Some(c);
            }
            match tok.upos {
                Upos::Adv | Upos::Part => continue,
                Upos::Punct if tok.form == "," => continue,
                Upos::Pron | Upos::Det => continue,
                _ => return None,
            }
        }
        None
    }

    /// The chunk starting within `slack` tokens after `i` (determiners are inside chunks).
    fn right_chunk(&self, i: usize, slack: usize) -> Option<usize> {
        (i..(i + slack).min(self.tokens.len())).find_map(|j| {
            let c = self.chunk_of[j]?;
            (self.chunks[c].start == j).then_some(c)
        })
    }

    /// Coordinated chunks starting from chunk `c`, to the left or right: "X, Y and Z".
    fn coordination(&self, c: usize, leftwards: bool) -> Vec<usize> {
        let mut out = vec![c];
        let mut cur = c;
        loop {
            let next = if leftwards {
                let s = self.chunks[cur].start;
                if s < 2 {
                    break;
                }
                let sep = self.lower(s - 1);
                if !(sep == "and" || sep == ",") {
                    break;
                }
                match self.chunk_of[s - 2] {
                    Some(p) if p != cur => p,
                    _ => break,
                }
            } else {
                let e = self.chunks[cur].end;
                if e + 1 >= self.tokens.len() {
                    break;
                }
                let sep = self.lower(e);
                if !(sep == "and" || sep == ",") {
                    break;
                }
                match self.chunk_of[e + 1] {
                    Some(n) if n != cur && self.chunks[n].start == e + 1 => n,
                    _ => break,
                }
            };
            out.push(next);
            cur = next;
        }
        if leftwards {
            out.reverse();
        }
        out
    }

    /// One clause's statements from a verb group.
    fn clause(&mut self, g: &VerbGroup, provenance: &Provenance) -> Vec<Statement> {
        let t = self.tokens;
        let Some(left) = self.left_chunk(g.start) else {
            return Vec::new();
        };
        let subjects: Vec<Argument> = self
            .coordination(left, true)
            .into_iter()
            .filter_map(|c| self.argument(self.chunks[c]))
            .collect();
        let mut relation_tokens = vec![g.main];
        let mut k = g.end;
        // A particle right after the verb belongs to it: "set up", "show around".
        if k < t.len() && t[k].upos == Upos::Adp && t[k].xpos == "RP" {
            relation_tokens.push(k);
            k += 1;
        }
        let mut objects: Vec<Argument> = Vec::new();
        let mut object_end = k;
        let mut preposition_in_relation = None;
        if let Some(c) = self.right_chunk(k, 1) {
            // V W* P: "expressed concern over X", "hold talks with X".
            let after = self.chunks[c].end;
            let light = after < t.len()
                && t[after].upos == Upos::Adp
                && self.chunks[c].end - self.chunks[c].start <= 3
                && t[self.chunks[c].end - 1].upos == Upos::Noun
                && self.right_chunk(after + 1, 1).is_some()
                && !self.is_time(self.chunks[c]);
            if light && !g.passive {
                let head = self.chunks[c].end - 1;
                relation_tokens.push(head);
                relation_tokens.push(after);
                preposition_in_relation = Some(after);
                let obj = self.right_chunk(after + 1, 1).unwrap();
                objects = self.coordinated_arguments(obj);
                object_end = self.coordination_end(obj);
            } else if !self.is_time(self.chunks[c]) {
                objects = self.coordinated_arguments(c);
                object_end = self.coordination_end(c);
            }
        } else if k < t.len() && t[k].upos == Upos::Adp && !g.passive {
            // V P: "met with X", "talked about Y"; place and time prepositions stay qualifiers.
            let prep = self.lower(k);
            let qualifier_prep = matches!(
                prep.as_str(),
                "at" | "in"
                    | "on"
                    | "near"
                    | "during"
                    | "since"
                    | "before"
                    | "after"
                    | "by"
                    | "from"
            );
            if let (false, Some(c)) = (qualifier_prep, self.right_chunk(k + 1, 1)) {
                relation_tokens.push(k);
                preposition_in_relation = Some(k);
                objects = self.coordinated_arguments(c);
                object_end = self.coordination_end(c);
            }
        }
        let (mut qualifiers, agent) = self.qualifiers(object_end);

        // Passive: "Kim was met by Gov. Kozhemyako" is "Gov. Kozhemyako met Kim".
        let (subjects, objects) = if g.passive {
            match agent {
                Some(agent) => (vec![agent], subjects),
                None => return Vec::new(),
            }
        } else {
            if let Some(agent) = agent {
                qualifiers.push(Qualifier {
                    role: Role::Means,
                    preposition: Some("by".into()),
                    value: agent,
                });
            }
            (subjects, objects)
        };

        let mut lemma_words: Vec<String> = relation_tokens.iter().map(|&i| self.lemma(i)).collect();
        let symmetric = SYMMETRIC.contains(&lemma_words[0].as_str());
        if symmetric && preposition_in_relation.is_some_and(|p| self.lower(p) == "with") {
            lemma_words.truncate(1); // "meet with X" is "meet X"
        }
        let relation = Relation {
            text: t[g.start..relation_tokens.iter().max().unwrap() + 1]
                .iter()
                .map(|x| x.form.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            lemma: lemma_words.join(" "),
        };
        let base = Statement {
            subject: subjects[0].clone(),
            relation,
            object: None,
            qualifiers,
            negated: g.negated,
            modality: g.modality,
            attribution: None,
            confidence: 0.0,
            provenance: provenance.clone(),
        };
        let mut out = Vec::new();
        if objects.is_empty() && symmetric && subjects.len() >= 2 {
            for (a, x) in subjects.iter().enumerate() {
                for y in &subjects[a + 1..] {
                    out.push(self.finish(&base, x.clone(), Some(y.clone())));
                }
            }
        } else if objects.is_empty() {
            for s in &subjects {
                out.push(self.finish(&base, s.clone(), None));
            }
        } else {
            for s in &subjects {
                for o in &objects {
                    out.push(self.finish(&base, s.clone(), Some(o.clone())));
                }
            }
        }
        out
    }

    fn finish(&self, base: &Statement, subject: Argument, object: Option<Argument>) -> Statement {
        let mut st = base.clone();
        // Provisional: a fixed prior lowered for each weakness; the clause extractor learns it.
        let mut confidence: f32 = 0.8;
        if matches!(subject.kind, ArgumentKind::Unresolved) {
            confidence -= 0.3;
        }
        if object.is_none() {
            confidence -= 0.1;
        }
        if st.modality != Modality::Asserted {
            confidence -= 0.1;
        }
        st.confidence = confidence.clamp(0.05, 1.0);
        st.subject = subject;
        st.object = object;
        st
    }

    fn coordinated_arguments(&self, c: usize) -> Vec<Argument> {
        self.coordination(c, false)
            .into_iter()
            .filter_map(|c| self.argument(self.chunks[c]))
            .collect()
    }

    fn coordination_end(&self, c: usize) -> usize {
        let last = *self.coordination(c, false).last().unwrap();
        self.chunks[last].end
    }

    /// Prepositional phrases and bare time phrases after `from`, up to the next verb or clause
    /// punctuation; also returns a `by`-agent.
    fn qualifiers(&self, from: usize) -> (Vec<Qualifier>, Option<Argument>) {
        let t = self.tokens;
        let mut out = Vec::new();
        let mut agent = None;
        let mut i = from;
        while i < t.len() {
            let tok = &t[i];
            if let Some(c) = self.chunk_of[i] {
                let chunk = self.chunks[c];
                if self.is_time(chunk) {
                    if let Some(value) = self.argument(chunk) {
                        out.push(Qualifier {
                            role: Role::Time,
                            preposition: None,
                            value,
                        });
                    }
                }
                i = chunk.end;
                continue;
            }
            if tok.upos != Upos::Adp {
                if matches!(tok.upos, Upos::Adv) {
                    i += 1;
                    continue;
                }
                break;
            }
            let prep = self.lower(i);
            let Some(c) = self.right_chunk(i + 1, 1) else {
                break;
            };
            let chunk = self.chunks[c];
            let Some(value) = self.argument(chunk) else {
                i = chunk.end;
                continue;
            };
            let kind = match &value.kind {
                ArgumentKind::Entity(k) => Some(*k),
                _ => None,
            };
            let role = if self.is_time(chunk) {
                Role::Time
            } else if prep == "by"
                && matches!(kind, Some(EntityType::Person | EntityType::Organization))
            {
                agent = Some(value);
                i = chunk.end;
                continue;
            } else if prep == "by" {
                Role::Means
            } else if matches!(prep.as_str(), "at" | "near")
                || (matches!(prep.as_str(), "in" | "inside" | "across" | "outside")
                    && kind == Some(EntityType::Place))
            {
                Role::Location
            } else if matches!(prep.as_str(), "to" | "for")
                && matches!(kind, Some(EntityType::Person | EntityType::Organization))
            {
                Role::Recipient
            } else if matches!(prep.as_str(), "about" | "over" | "regarding" | "concerning") {
                Role::Topic
            } else {
                Role::Other
            };
            out.push(Qualifier {
                role,
                preposition: Some(prep),
                value,
            });
            i = chunk.end;
        }
        (out, agent)
    }

    /// Whether the chunk is a time expression (per the time tagger, or a weekday/month name).
    fn is_time(&self, chunk: Chunk) -> bool {
        self.sentence
            .timexes
            .iter()
            .any(|x| x.start < chunk.end && chunk.start < x.end)
    }

    /// "meeting between X and Y", "talks between X and Y", "the meeting of the two leaders".
    fn nominal_meetings(&mut self, provenance: &Provenance) -> Vec<Statement> {
        let t = self.tokens;
        let mut out = Vec::new();
        for (ci, chunk) in self.chunks.clone().into_iter().enumerate() {
            let head = chunk.end - 1;
            if !MEETING_NOUNS.contains(&self.lower(head).as_str()) || chunk.end >= t.len() {
                continue;
            }
            let prep = self.lower(chunk.end);
            let Some(next) = self.right_chunk(chunk.end + 1, 1) else {
                continue;
            };
            let participants: Vec<Argument> = match prep.as_str() {
                "between" | "of" => {
                    let mut args: Vec<Argument> = self
                        .coordination(next, false)
                        .into_iter()
                        .filter_map(|c| self.argument(self.chunks[c]))
                        .collect();
                    if args.len() == 1 {
                        if let Some(pair) = self.pair_of(self.chunks[next]) {
                            args = pair.to_vec();
                        }
                    }
                    args
                }
                _ => continue,
            };
            let named: Vec<Argument> = participants
                .into_iter()
                .filter(|a| matches!(a.kind, ArgumentKind::Entity(_)))
                .collect();
            if named.len() != 2 {
                continue;
            }
            let (qualifiers, _) = self.qualifiers(self.coordination_end(next));
            let relation = Relation {
                text: t[chunk.start..chunk.end + 1]
                    .iter()
                    .map(|x| x.form.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                lemma: "meet".into(),
            };
            let _ = ci;
            let base = Statement {
                subject: named[0].clone(),
                relation,
                object: None,
                qualifiers,
                negated: false,
                modality: Modality::Asserted,
                attribution: None,
                confidence: 0.0,
                provenance: provenance.clone(),
            };
            let mut st = self.finish(&base, named[0].clone(), Some(named[1].clone()));
            st.confidence = (st.confidence - 0.1).max(0.05);
            out.push(st);
        }
        out
    }

    /// "the two leaders" → the last pair of coordinated entities in the document.
    fn pair_of(&self, chunk: Chunk) -> Option<[Argument; 2]> {
        let words: Vec<String> = (chunk.start..chunk.end).map(|i| self.lower(i)).collect();
        let is_pair = words.len() == 3
            && words[0] == "the"
            && (words[1] == "two" || words[1] == "both")
            && self.tokens[chunk.end - 1].xpos == "NNS";
        if is_pair {
            self.last_pair.clone()
        } else {
            None
        }
    }

    /// Remembers the last pair of coordinated named entities for "the two leaders".
    fn remember_pairs(&mut self) {
        let mut found = None;
        for c in 0..self.chunks.len() {
            let group = self.coordination(c, false);
            if group.len() == 2 {
                let args: Vec<Argument> = group
                    .iter()
                    .filter_map(|&g| self.argument(self.chunks[g]))
                    .collect();
                if args.len() == 2
                    && args
                        .iter()
                        .all(|a| matches!(a.kind, ArgumentKind::Entity(_)))
                {
                    found = Some([args[0].clone(), args[1].clone()]);
                }
            }
        }
        if found.is_some() {
            *self.last_pair = found;
        }
    }

    /// What a chunk denotes: an entity (the name inside it), a time, a concept, or an
    /// unresolved pronoun.
    fn argument(&self, chunk: Chunk) -> Option<Argument> {
        let t = self.tokens;
        let full = self.span_text(chunk.start, chunk.end);
        let head = chunk.end - 1;
        if let Some(x) = self
            .sentence
            .timexes
            .iter()
            .find(|x| x.start < chunk.end && chunk.start < x.end)
        {
            return Some(Argument {
                text: self.span_text(x.start, x.end),
                full_text: full,
                kind: ArgumentKind::Literal(Literal::Time(x.value.clone())),
                span: (chunk.start, chunk.end),
                alias: None,
            });
        }
        // An entity mention ending at the head names the chunk.
        if let Some(m) = self
            .sentence
            .mentions
            .iter()
            .filter(|m| m.start >= chunk.start && m.end <= chunk.end)
            .max_by_key(|m| m.end)
        {
            if m.end == chunk.end || t[m.end..chunk.end].iter().all(|x| x.upos == Upos::Part) {
                let text = m
                    .refers_to
                    .clone()
                    .unwrap_or_else(|| self.span_text(m.start, m.end));
                return Some(Argument {
                    text,
                    full_text: full,
                    kind: ArgumentKind::Entity(m.kind),
                    span: (chunk.start, chunk.end),
                    alias: None,
                });
            }
        }
        match t[head].upos {
            Upos::Pron => {
                let pair = self.pair_of(chunk);
                if let Some([a, _]) = pair {
                    return Some(Argument {
                        full_text: full,
                        ..a
                    });
                }
                Some(Argument {
                    text: full.clone(),
                    full_text: full,
                    kind: ArgumentKind::Unresolved,
                    span: (chunk.start, chunk.end),
                    alias: None,
                })
            }
            Upos::Propn => {
                let mut s = head;
                while s > chunk.start && matches!(t[s - 1].upos, Upos::Propn) {
                    s -= 1;
                }
                // Without an entity recogniser's verdict, the gazetteer and the words around
                // the name decide: an organisation head, a place name, a title or a known
                // personal name.
                let g = gazetteer();
                let name: Vec<&str> = t[s..chunk.end].iter().map(|x| x.form.as_str()).collect();
                let titled = (chunk.start..head).any(|i| g.is_title(&t[i].form));
                let kind = if g.is_org_suffix(&t[head].form) {
                    EntityType::Organization
                } else if g.place(&name).is_some() || g.is_place_head(&t[head].form) {
                    EntityType::Place
                } else if titled || g.is_person_name(&t[s].form) {
                    EntityType::Person
                } else {
                    EntityType::Other
                };
                // Titles are roles, not names: "Prime Minister Ana Silva" is "Ana Silva".
                if kind == EntityType::Person {
                    if let Some(last_title) = (s..head).rev().find(|&i| g.is_title(&t[i].form)) {
                        s = last_title + 1;
                    }
                }
                Some(Argument {
                    text: self.span_text(s, chunk.end),
                    full_text: full,
                    kind: ArgumentKind::Entity(kind),
                    span: (chunk.start, chunk.end),
                    alias: None,
                })
            }
            Upos::Noun => {
                if let Some(pair) = self.pair_of(chunk) {
                    return Some(Argument {
                        full_text: full,
                        ..pair[0].clone()
                    });
                }
                // The minimal concept: drop determiners, numbers and possessors in front.
                let mut s = chunk.start;
                for (i, tok) in t.iter().enumerate().take(head).skip(chunk.start) {
                    if matches!(tok.upos, Upos::Det | Upos::Num | Upos::Pron) || tok.xpos == "POS" {
                        s = i + 1;
                    }
                }
                Some(Argument {
                    text: self.span_text(s, chunk.end),
                    full_text: full,
                    kind: ArgumentKind::Concept,
                    span: (chunk.start, chunk.end),
                    alias: None,
                })
            }
            Upos::Num => Some(Argument {
                text: full.clone(),
                full_text: full,
                kind: ArgumentKind::Literal(Literal::Text),
                span: (chunk.start, chunk.end),
                alias: None,
            }),
            _ => None,
        }
    }

    fn span_text(&self, start: usize, end: usize) -> String {
        let t = &self.tokens[start..end];
        self.document.text[t[0].start..t[t.len() - 1].end].to_owned()
    }
}

/// Noun-phrase chunks over tags: determiners, possessives, numbers, adjectives and nouns ending in
/// a noun, proper noun, pronoun or number. A possessive `'s` continues the chunk ("Russia's Far
/// East"); a determiner after a noun starts a new one.
fn chunk(tokens: &[Token]) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts = matches!(
            tokens[i].upos,
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron
        );
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut last_head = None;
        let mut j = i;
        while j < tokens.len() {
            let t = &tokens[j];
            let ok = match t.upos {
                Upos::Det => j == start || tokens[j - 1].xpos == "POS",
                Upos::Pron => j == start || tokens[j - 1].xpos == "POS",
                Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn => true,
                Upos::Part => t.xpos == "POS" && last_head.is_some(),
                // Hyphens inside names ("Russia-DPRK") and "&" in company names.
                Upos::Punct | Upos::Sym => {
                    matches!(t.form.as_str(), "-" | "&")
                        && last_head.is_some()
                        && !t.form.is_empty()
                        && tokens
                            .get(j + 1)
                            .is_some_and(|n| matches!(n.upos, Upos::Propn | Upos::Noun))
                }
                _ => false,
            };
            if !ok {
                break;
            }
            if matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Num)
                || (t.upos == Upos::Pron && t.xpos != "PRP$")
            {
                last_head = Some(j);
            }
            // A personal pronoun is a chunk of its own.
            if t.upos == Upos::Pron && t.xpos != "PRP$" {
                j += 1;
                break;
            }
            j += 1;
        }
        match last_head {
            Some(h) => {
                chunks.push(Chunk { start, end: h + 1 });
                i = h + 1;
            }
            None => i = j.max(start + 1),
        }
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence tagged by hand: `word/UPOS/XPOS/lemma` items.
    fn doc(tagged: &str) -> Document {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for item in tagged.split(' ') {
            let parts: Vec<&str> = item.split('/').collect();
            let (form, upos, xpos, lemma) = (
                parts[0],
                parts[1],
                parts[2],
                parts.get(3).copied().unwrap_or(parts[0]),
            );
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(form);
            tokens.push(Token {
                form: form.into(),
                start,
                end: text.len(),
                upos: Upos::parse(upos).unwrap(),
                xpos: xpos.into(),
                lemma: lemma.into(),
                ..Token::default()
            });
        }
        let mut d = Document::new("t", text.clone());
        d.sentences.push(Sentence {
            start: 0,
            end: text.len(),
            tokens,
            ..Sentence::default()
        });
        d
    }

    fn triples(d: &Document) -> Vec<(String, String, String)> {
        extract(d)
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

    #[test]
    fn coordinated_subjects_of_a_symmetric_verb_meet_each_other() {
        let d = doc("Prime/PROPN/NNP Minister/PROPN/NNP Ana/PROPN/NNP Silva/PROPN/NNP and/CCONJ/CC Mayor/PROPN/NNP Tom/PROPN/NNP Berg/PROPN/NNP met/VERB/VBD/meet at/ADP/IN the/DET/DT harbour/NOUN/NN ./PUNCT/.");
        let st = extract(&d);
        assert_eq!(
            triples(&d),
            [("Ana Silva".into(), "meet".into(), "Tom Berg".into())]
        );
        assert_eq!(st[0].qualifiers[0].role, Role::Location);
        assert_eq!(st[0].qualifiers[0].value.text, "harbour");
        assert_eq!(st[0].subject.kind, ArgumentKind::Entity(EntityType::Person));
    }

    #[test]
    fn passive_with_agent_is_read_actively_and_negation_is_kept() {
        let d = doc("The/DET/DT bill/NOUN/NN was/AUX/VBD/be not/PART/RB/not signed/VERB/VBN/sign by/ADP/IN Governor/PROPN/NNP Lee/PROPN/NNP ./PUNCT/.");
        let st = extract(&d);
        assert_eq!(triples(&d), [("Lee".into(), "sign".into(), "bill".into())]);
        assert!(st[0].negated);
    }

    #[test]
    fn modality_and_attribution() {
        let d = doc("The/DET/DT union/NOUN/NN could/AUX/MD strike/VERB/VB/strike ,/PUNCT/, the/DET/DT minister/NOUN/NN said/VERB/VBD/say ./PUNCT/.");
        let st = extract(&d);
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].modality, Modality::Possible);
        assert_eq!(st[0].attribution.as_ref().unwrap().text, "minister");
    }

    #[test]
    fn meeting_between_two_named_parties() {
        let d = doc("A/DET/DT meeting/NOUN/NN between/ADP/IN Ana/PROPN/NNP Silva/PROPN/NNP and/CCONJ/CC Tom/PROPN/NNP Berg/PROPN/NNP at/ADP/IN Oslo/PROPN/NNP ended/VERB/VBD/end ./PUNCT/.");
        let st: Vec<_> = extract(&d)
            .into_iter()
            .filter(|s| s.relation.lemma == "meet")
            .collect();
        assert_eq!(st.len(), 1);
        assert_eq!(
            (
                st[0].subject.text.as_str(),
                st[0].object.as_ref().unwrap().text.as_str()
            ),
            ("Ana Silva", "Tom Berg")
        );
        assert_eq!(st[0].qualifiers[0].value.text, "Oslo");
    }

    #[test]
    fn light_verb_with_preposition_and_coordinated_objects() {
        let d = doc("Workers/NOUN/NNS held/VERB/VBD/hold talks/NOUN/NNS with/ADP/IN managers/NOUN/NNS and/CCONJ/CC owners/NOUN/NNS ./PUNCT/.");
        assert_eq!(
            triples(&d),
            [
                (
                    "Workers".into(),
                    "hold talks with".into(),
                    "managers".into()
                ),
                ("Workers".into(), "hold talks with".into(), "owners".into())
            ]
        );
    }

    #[test]
    fn pronouns_stay_unresolved() {
        let d = doc("He/PRON/PRP visited/VERB/VBD/visit Paris/PROPN/NNP ./PUNCT/.");
        let st = extract(&d);
        assert_eq!(st[0].subject.kind, ArgumentKind::Unresolved);
    }
}
