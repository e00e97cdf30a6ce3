//! Who says so: the source of a reported clause (`X said that P`, `P, X said`, `according to X`,
//! `X said in a statement that P`), a denial reported by "deny", and the pronoun subject of a
//! reported clause that stands for its source ("the ministry said it had …"). Verbs of finding
//! ("the judge ruled that …") report too. The speaker is the person set off beside a noun ("his
//! lawyer, Beatriz Fontoura, told reporters"); a clause about an inverted speaker ('"…," said X,
//! a trader whose shop …') is not what was said. (A coordinated common noun joins the rendered
//! source: `render.rs`.)
//!
//! That pronoun is "it" for a group or thing, "they" for a plural ("police said they arrested
//! …"); WordNet's person nouns (`data/gazetteer/agent_nouns.txt`) are no "it", and an addressee
//! who could be meant ("warned the Taliban that they …") leaves it open.

use super::{lemma, lower, Node, View};
use crate::doc::{Deprel, EntityType, Upos, Xpos};
use crate::statement::ArgumentKind;
use kg_nlp::gazetteer::gazetteer;

/// Verbs that report speech or belief: their subject is the source of their clausal complement.
pub(super) const SAYING: &[&str] = &[
    "say",
    "tell",
    "report",
    "announce",
    "claim",
    "state",
    "add",
    "warn",
    "insist",
    "confirm",
    "deny",
    "write",
    "note",
    "argue",
    "declare",
    "believe",
    "think",
    "explain",
    "stress",
    "emphasize",
    "emphasise",
    "testify",
    "complain",
    "disclose",
    "mention",
    "reply",
    "assert",
    "contend",
    "concede",
    "remark",
    "boast",
];

/// Verbs that report a clause as someone's finding or estimate ("the judge ruled that …",
/// "researchers found that …"): the clause is theirs, like a saying verb's; unlike one, they
/// have other uses too ("found the key", "shown on television"), which keep their readings.
const FINDING: &[&str] = &[
    "rule",
    "find",
    "conclude",
    "allege",
    "estimate",
    "predict",
    "admit",
    "acknowledge",
    "reveal",
    "suggest",
    "show",
    // (Not "know": "let you know that …", "you know, …".)
    "learn",
    "realize",
    "realise",
    "remember",
    "recall",
    "discover",
    "agree",
];

/// Verbs that report a clause as someone's suspicion, fear or hope ("police suspect the fire
/// was started deliberately", "analysts fear the recession will deepen"): theirs, and no more
/// than possible.
pub(super) const HEDGING: &[&str] = &[
    "suspect",
    "fear",
    "worry",
    "assume",
    "suppose",
    "guess",
    "reckon",
    "imagine",
    "speculate",
    "hope",
];

/// Whether a verb (lemma) reports a clause as its subject's: a saying or a finding verb.
pub(super) fn reports(lemma: &str) -> bool {
    SAYING.contains(&lemma) || FINDING.contains(&lemma) || HEDGING.contains(&lemma)
}

impl View<'_> {
    /// The source of what a predicate says: the subject of a saying verb it is the complement
    /// of, or of a saying verb in parenthesis ("P, X said"), or "according to X".
    pub(super) fn attribution(&self, p: usize) -> Option<Node> {
        match self.reported_in_tree(p) {
            Walk::Reported(source, _) => Some(source),
            Walk::Outside => self.framed(p).map(|f| f.source),
            Walk::Unreported => None,
        }
    }

    /// Whether the pronoun `subject` of a reported clause stands for the clause's `source`:
    /// "it" for a group or a thing that speaks ("the ministry", "Tass", not "the spokesman" or
    /// a person), "they" for a plural ("officials", "police"). Not in a copular clause, where
    /// "it" is often empty ("it is too early to say", "it seems") and "they" someone described
    /// ("reviewers said they were pushy": the staff).
    /// Only in the clause the verb reports, not one inside it ("analysts said the move would
    /// lift the value more than they did combined").
    pub(super) fn pronoun_is_source(&self, p: usize, subject: &Node, source: &Node) -> bool {
        let [i] = subject.tokens[..] else {
            return false;
        };
        let mut q = p;
        while self.rel(q) == Deprel::Conj {
            match self.t[q].head {
                Some(h) => q = h,
                None => break,
            }
        }
        let saying = |v: &usize| reports(&lemma(&self.t[*v]));
        let verb = self.t[q]
            .head
            .filter(|h| {
                matches!(self.rel(q).base(), Deprel::Ccomp | Deprel::Parataxis) && saying(h)
            })
            .or_else(|| self.kids_base(q, Deprel::Parataxis).find(saying));
        let Some(verb) = verb else {
            return false;
        };
        if subject.resolved.is_some() || subject.written.is_some() {
            return false;
        }
        let pronoun = lower(&self.t[i]);
        let empty = self.rel(i).is_a(Deprel::Expl)
            || self.t[i].head.is_some_and(|v| {
                self.kids(v, Deprel::Cop).next().is_some()
                    || matches!(
                        lemma(&self.t[v]).as_str(),
                        "be" | "seem" | "appear" | "happen" | "matter" | "remain"
                    )
            });
        let h = source.head;
        let noun = &self.t[h];
        let lemma_lower = noun.lemma.to_lowercase();
        let kind = match self.argument(source).kind {
            ArgumentKind::Entity(k) => Some(k),
            ArgumentKind::Concept => None,
            _ => return false,
        };
        // Whom the source told may be meant instead: "the tribes warned the Taliban that if
        // they …" ("told reporters it would" leaves "it" to the source).
        let addressee = |plural: bool| {
            self.children[verb].iter().any(|&o| {
                self.rel(o).is_object()
                    && if plural {
                        self.t[o].upos != Upos::Pron
                    } else {
                        matches!(self.t[o].xpos, Xpos::Nn | Xpos::Nnp)
                            && self.entity_kind(o) != Some(EntityType::Person)
                            && !gazetteer().is_person_noun(&self.t[o].lemma.to_lowercase())
                    }
            })
        };
        match pronoun.as_str() {
            "it" if !empty && !addressee(false) => match kind {
                Some(k) => k != EntityType::Person,
                None => noun.xpos == Xpos::Nn && !self.person_noun(h),
            },
            "they" if !empty && !addressee(true) => {
                kind.is_none()
                    && (noun.xpos == Xpos::Nns
                        || (noun.xpos == Xpos::Nn && lemma_lower == "police"))
            }
            _ => false,
        }
    }

    /// Whether the clause of `p` is reported by a verb of denial: "The Kremlin denied that
    /// troops had shelled the hospital" asserts, on the Kremlin's word, that they had not.
    pub(super) fn denied(&self, p: usize) -> bool {
        self.reported_by(p)
            .is_some_and(|(_, verb)| lemma(&self.t[verb]) == "deny")
    }

    /// Whether the saying verb `v`, read as a complement of the clause before it, is the
    /// parenthetical "…, prosecutors said" that reports that clause: it follows its head after a
    /// comma, has its own subject (someone, not "this" or "it") and reports nothing else.
    pub(super) fn said_after(&self, v: usize) -> bool {
        // (The comma is read before the subject the clause uses: the parser may hang a stray
        // word of the clause before on the saying verb.)
        let Some(subject) = self.own_subjects(v).into_iter().next() else {
            return false;
        };
        let start = subject.tokens.first().copied().unwrap_or(subject.head);
        self.t[v].head.is_some_and(|h| h < start)
            && start > 0
            && start < v
            && self.t[start - 1].form == ","
            && reports(&lemma(&self.t[v]))
            && someone(&lower(&self.t[subject.head]))
            && self.kids_base(v, Deprel::Ccomp).next().is_none()
            && self.kids_base(v, Deprel::Obj).next().is_none()
    }

    /// The source of a reported clause and the verb that reports it: the nearest report above
    /// it in the tree, else a report framing it by position ([`Self::framed`]).
    pub(super) fn reported_by(&self, p: usize) -> Option<(Node, usize)> {
        match self.reported_in_tree(p) {
            Walk::Reported(source, verb) => Some((source, verb)),
            Walk::Outside => self.framed(p).and_then(|f| f.verb.map(|v| (f.source, v))),
            Walk::Unreported => None,
        }
    }

    /// Who says what the saying verb `v` reports: its subject, or the one it shares with the
    /// verb it is coordinated with ("urged residents to stay … and said the army would …") or
    /// the participle's governor ("…, saying inflation remained too high"). Not across a
    /// subject the parser left out ("ISRO congratulated the company, and its chairman, …,
    /// said"), nor from a verb that is itself reported (then the conjunct is the parser's).
    pub(super) fn speaker(&self, v: usize) -> Option<Node> {
        if let Some(s) = self.own_subjects(v).into_iter().next() {
            // "his lawyer, Beatriz Fontoura, told reporters": the person set off is who speaks.
            return Some(match self.appositive_name(s.head) {
                Some(a) if s.resolved.is_none() && s.written.is_none() => self.node(a),
                _ => s,
            });
        }
        if self.rel(v) == Deprel::Conj {
            let h = self.t[v].head?;
            let from = self.kids(v, Deprel::Cc).next().unwrap_or(h);
            let words_between = (from + 1..v)
                .any(|k| matches!(self.t[k].upos, Upos::Noun | Upos::Propn | Upos::Pron));
            if words_between || matches!(self.reported_in_tree(h), Walk::Reported(..)) {
                return None;
            }
        }
        // (A participle's "subject" is whatever it hangs on: a noun, not a verb.)
        self.subjects(v, 0).0.into_iter().next().filter(|s| {
            matches!(
                self.t[s.head].upos,
                Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num
            )
        })
    }

    /// Walks up the tree from the clause `p` to the nearest verb that reports it.
    fn reported_in_tree(&self, p: usize) -> Walk {
        let mut cur = p;
        // What a thing shows, kept in case no one above reports it.
        let mut shown: Option<(Node, usize)> = None;
        let outside = |shown: Option<(Node, usize)>| match shown {
            Some((s, h)) => Walk::Reported(s, h),
            None => Walk::Outside,
        };
        for _ in 0..=20 {
            // "P, X said": a parenthetical saying verb attached to the clause (as parataxis,
            // or as a complement or modifier the parser turned round).
            let turned = self.children[cur].iter().copied().filter(|&c| {
                matches!(
                    self.rel(c).base(),
                    Deprel::Ccomp | Deprel::Advcl | Deprel::Acl | Deprel::Dep
                ) && self.said_after(c)
            });
            let parenthetical = self.kids_base(cur, Deprel::Parataxis).chain(turned);
            for c in parenthetical {
                if reports(&lemma(&self.t[c])) && c != p {
                    if let Some(s) = self.own_subjects(c).into_iter().next() {
                        return Walk::Reported(s, c);
                    }
                }
            }
            let Some(h) = self.t[cur].head else {
                return outside(shown);
            };
            let says = reports(&lemma(&self.t[h]));
            let content = match self.rel(cur).base() {
                Deprel::Ccomp => !self.after_inverted_speaker(h, cur),
                // "X said P" where P was attached as parataxis of the saying verb.
                Deprel::Parataxis => cur == p,
                // "said the company had informed the police, and that it would not pay".
                Deprel::Conj => self
                    .kids(cur, Deprel::Mark)
                    .any(|m| lower(&self.t[m]) == "that"),
                _ => false,
            };
            if says && content {
                match self.speaker(h) {
                    // "the decision showed the government had relied …": what a thing shows
                    // is its speaker's finding, if anyone's.
                    Some(s)
                        if EVIDENCE.contains(&lemma(&self.t[h]).as_str())
                            && !self.speaks(&s)
                            && shown.is_none() =>
                    {
                        shown = Some((s, h));
                        cur = h;
                        continue;
                    }
                    Some(s) => return Walk::Reported(s, h),
                    // A speaker the tree does not give may still stand where a sentence-final
                    // report has it ("…, its director, Ulrike Brandt, said", the name hung
                    // elsewhere); not for words before a quotation the verb reports ('Trek
                    // made road bikes, but "…," says its president').
                    None if !(p.min(h)..p.max(h)).any(|k| is_quote(&self.t[k].form)) => {
                        return outside(shown)
                    }
                    None => return Walk::Unreported,
                }
            }
            // "reports by residents that several fighters had been killed".
            if let Some(claim) = self.claim_of(cur) {
                return claim;
            }
            // "urged residents to stay in their homes": the act asked for is the asker's word
            // (or the word of whoever reports the asking: "said his party would ask …").
            if let Some(g) = self.requested_by(cur) {
                if let reported @ Walk::Reported(..) = self.reported_in_tree(g) {
                    return reported;
                }
                return match self.speaker(g) {
                    Some(s) => Walk::Reported(s, g),
                    None => Walk::Unreported,
                };
            }
            // A clause in the saying verb's subject or circumstances ("said Amina Saide, a
            // trader whose shop … was destroyed"; "the ministry, which …, said") is no part of
            // what it reports; nor, to the tree, is a clause the parser hung on the verb of
            // "P, X said" as a modifier: where it stands says which it is.
            // (But a saying verb that is itself reported takes it along: "said he had learned
            // of it only when transcripts were leaked" is all the speaker's word.)
            if says {
                return match self.reported_in_tree(h) {
                    reported @ Walk::Reported(..) if shown.is_none() => reported,
                    _ => outside(shown),
                };
            }
            cur = h;
        }
        Walk::Unreported
    }

    /// Whether the clause `c` the parser hung on the saying verb `v` follows the speaker of a
    /// quotation's inverted report ('"…," said Amina Saide, a trader whose shop … was
    /// destroyed'): it describes the speaker, it is not what the speaker said — unless the
    /// quotation resumes before it ('"…," said the curate, "that this is done …"').
    fn after_inverted_speaker(&self, v: usize, c: usize) -> bool {
        let quoted = (1..=2).any(|k| v >= k && is_quote(&self.t[v - k].form));
        let start = self.words_start(c);
        quoted
            && self.own_subjects(v).iter().any(|s| {
                v < s.head && s.head < start && !(s.head..start).any(|k| is_quote(&self.t[k].form))
            })
    }

    /// Whether the source `s` is someone who can say something: a person or an organisation,
    /// a person noun, a plural of them.
    fn speaks(&self, s: &Node) -> bool {
        matches!(
            self.entity_kind(s.head),
            Some(EntityType::Person | EntityType::Organization)
        ) || self.person_noun(s.head)
            || gazetteer().is_person_noun(&self.t[s.head].lemma.to_lowercase())
            || s.resolved.is_some()
    }

    /// The source of the clause `x` that complements a noun of claim ("reports by residents
    /// that …", "the ministry's claim that …"): whom the "by", "from" or possessive names; none
    /// when no one is named.
    fn claim_of(&self, x: usize) -> Option<Walk> {
        let h = self.t[x].head?;
        if self.rel(x).base() != Deprel::Acl
            || self.rel(x) == Deprel::AclRelcl
            || !self
                .kids(x, Deprel::Mark)
                .any(|m| lower(&self.t[m]) == "that")
            || !CLAIMS.contains(&self.t[h].lemma.to_lowercase().as_str())
        {
            return None;
        }
        let by = self.children[h].iter().copied().find(|&m| {
            self.rel(m) == Deprel::NmodPoss
                || self.rel(m).base() == Deprel::Nmod
                    && matches!(self.prep_text(&self.preposition(m)).as_str(), "by" | "from")
        });
        Some(match by {
            Some(m) => {
                let prep = self.preposition(m);
                let mut node = self.node(m);
                node.tokens.retain(|i| !prep.contains(i));
                Walk::Reported(node, h)
            }
            // "said in a statement that …": the statement is the speaker's.
            None => match self.t[h].head {
                Some(g)
                    if self.rel(h).base() == Deprel::Obl
                        && SAYING.contains(&lemma(&self.t[g]).as_str()) =>
                {
                    match self.speaker(g) {
                        Some(s) => Walk::Reported(s, g),
                        None => Walk::Unreported,
                    }
                }
                _ => Walk::Unreported,
            },
        })
    }

    /// The verb that asks for what the infinitive `x` says: "urged residents | to stay",
    /// "ordered Bulgaria | to pay" (also when the parser hung the infinitive on the object).
    fn requested_by(&self, x: usize) -> Option<usize> {
        let h = self.t[x].head?;
        if self.t[x].upos != Upos::Verb {
            return None;
        }
        let to = || {
            self.kids(x, Deprel::Mark)
                .any(|m| lower(&self.t[m]) == "to")
        };
        let g = match self.rel(x).base() {
            Deprel::Xcomp => h,
            Deprel::Advcl if to() => h,
            Deprel::Acl if self.controlled_infinitive_on_object(x) => self.t[h].head?,
            _ => return None,
        };
        // ("call" asks only "on" someone: "called on both sides to …", not "call the vet
        // back to clarify …".)
        let asks = match lemma(&self.t[g]).as_str() {
            "call" => self.kids_base(g, Deprel::Obj).next().is_none(),
            l => REQUESTS.contains(&l),
        };
        (asks && !self.controllers(g).is_empty()).then_some(g)
    }
}

/// Where the walk up from a clause ends.
enum Walk {
    /// At a saying verb that reports the clause, with its source.
    Reported(Node, usize),
    /// At the root, or at a saying verb the clause hangs on without being its content (its
    /// subject's relative clause, or the parser's reading of "P, X said" with P an adverbial
    /// clause of "said"): a report that frames the clause by position may still be its source.
    Outside,
    /// At a report without a speaker: no source.
    Unreported,
}

/// Finding verbs whose subject may be a thing that shows rather than someone who says.
const EVIDENCE: &[&str] = &["show", "suggest", "reveal"];

/// Nouns that report a clause as someone's claim ("reports by residents that …").
const CLAIMS: &[&str] = &[
    "report",
    "claim",
    "allegation",
    "accusation",
    "assertion",
    "rumour",
    "rumor",
    "statement",
    "warning",
];

/// Verbs whose subject is the source of the act it asks another party for ("the court ordered
/// Bulgaria to pay", "urged residents to stay"): the act is requested, on the asker's word.
const REQUESTS: &[&str] = &[
    "urge",
    "ask",
    "order",
    "call",
    "encourage",
    "invite",
    "press",
];

/// Nouns for a document that speaks for whoever issued it: "according to a statement from the
/// ministry" is according to the ministry, "a police statement" the police's.
const ISSUED: &[&str] = &[
    "statement",
    "report",
    "announcement",
    "release",
    "communique",
    "communiqué",
    "filing",
    "letter",
    "notice",
];

/// A report that frames a stretch of the sentence by position rather than by the tree: the
/// parser often hangs "…, Europol said on Friday." or "…, according to port agents." on a word
/// deep inside the clause before it, or makes the saying verb the root and the reported verb
/// its modifier; what the words say is still that everything before the comma is the source's.
pub(super) struct Frame {
    pub(super) source: Node,
    /// The saying verb ("said"); none for "according to".
    pub(super) verb: Option<usize>,
    /// The tokens it frames.
    content: std::ops::Range<usize>,
}

impl View<'_> {
    /// The report framing the clause of `p` by position, if any (see [`Frame`]).
    fn framed(&self, p: usize) -> Option<Frame> {
        [self.report_after(), self.according_at_an_edge()]
            .into_iter()
            .flatten()
            .find(|f| f.content.contains(&p))
    }

    /// The saying verb of a sentence-final report: "…, Europol said on Friday.", "…, its
    /// director, Ulrike Brandt, said.", '"…," she told reporters in Rotterdam.', or inverted,
    /// '"…," said Amina Saide, a trader whose shop … was destroyed.'
    pub(super) fn final_report_verb(&self) -> Option<usize> {
        self.report_after().and_then(|f| f.verb)
    }

    fn report_after(&self) -> Option<Frame> {
        let n = self.t.len();
        let finite = |v: usize| {
            matches!(self.t[v].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
                || (self.t[v].xpos == Xpos::Vbn && self.kids_base(v, Deprel::Aux).next().is_some())
        };
        // The last saying verb with nothing after it but its own circumstances ("on Friday",
        // "a news conference in Abuja", ", adding that …"): no verb, no "that".
        let v = (0..n).rev().find(|&v| {
            SAYING.contains(&lemma(&self.t[v]).as_str())
                && finite(v)
                && self.tail_only_circumstances(v)
        })?;
        if self.kids_base(v, Deprel::Ccomp).any(|c| c > v) {
            return None;
        }
        let comma_before = |k: usize| {
            (k >= 1 && self.t[k - 1].form == ",")
                .then(|| k - 1)
                .or_else(|| {
                    (k >= 2 && is_quote(&self.t[k - 1].form) && self.t[k - 2].form == ",")
                        .then(|| k - 2)
                })
        };
        // Inverted: '"…," said Amina Saide, …' — the speaker after the verb.
        let inverted = lemma(&self.t[v]) != "tell";
        if let Some(c) = comma_before(v).filter(|&c| c > 0 && inverted) {
            let speaker = self.children[v].iter().copied().find(|&s| {
                s > v
                    && (self.rel(s).is_subject() || self.rel(s).is_object())
                    && self.words_start(s) == v + 1
            });
            if let Some(s) = speaker {
                return Some(Frame {
                    source: self.node(self.appositive_name(s).unwrap_or(s)),
                    verb: Some(v),
                    content: 0..c,
                });
            }
        }
        // "…, X said": the speaker's words run back from the verb to the first comma of a
        // stretch of noun-phrase words ("…from southern Tanzania, its director, Ulrike Brandt,").
        let mut start = v;
        while start > 0 {
            let t = &self.t[start - 1];
            let np_word = matches!(
                t.upos,
                Upos::Det
                    | Upos::Propn
                    | Upos::Noun
                    | Upos::Adj
                    | Upos::Num
                    | Upos::Pron
                    | Upos::Part
                    | Upos::Cconj
                    | Upos::Adp
            ) || t.form == ","
                || is_quote(&t.form);
            if !np_word || lower(t) == "that" {
                break;
            }
            start -= 1;
        }
        let c = (start..v)
            .find(|&k| self.t[k].form == ",")
            .filter(|&c| c > 0)?;
        let region = |k: usize| c < k && k < v;
        let speaker = self
            .own_subjects(v)
            .into_iter()
            .find(|s| region(s.head))
            .or_else(|| {
                let root = (c + 1..v).find(|&k| {
                    matches!(self.t[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                        && self.t[k].head.is_none_or(|h| !region(h))
                })?;
                let mut node = self.node(self.appositive_name(root).unwrap_or(root));
                node.tokens.retain(|&k| region(k));
                Some(node)
            })?;
        if !someone(&lower(&self.t[speaker.head])) {
            return None;
        }
        // "…, his lawyer, Beatriz Fontoura, told reporters": the person set off right before
        // the verb is the speaker the noun describes, whatever the parser hung the name on.
        let set_off = |k: usize| k == v || (self.t[k].form == "," && k + 1 == v);
        let named = self.sentence.mentions.iter().find(|m| {
            m.kind == EntityType::Person
                && speaker.head < m.start
                && region(m.start)
                && self.t[m.start - 1].form == ","
                && set_off(m.end)
        });
        let speaker = match named {
            Some(m) => {
                let head = (m.start..m.end)
                    .find(|&k| {
                        self.t[k]
                            .head
                            .is_none_or(|h| !(m.start..m.end).contains(&h))
                    })
                    .unwrap_or(m.start);
                let mut node = self.node(head);
                node.tokens.retain(|&k| (m.start..m.end).contains(&k));
                node
            }
            None => speaker,
        };
        Some(Frame {
            source: speaker,
            verb: Some(v),
            content: 0..c,
        })
    }

    /// Whether nothing after the saying verb `v` is a clause of its own: its circumstances
    /// only, up to the end or to a participle that adds more (", adding that …").
    fn tail_only_circumstances(&self, v: usize) -> bool {
        for k in v + 1..self.t.len() {
            let t = &self.t[k];
            if t.form == "," && self.t.get(k + 1).is_some_and(|x| x.xpos == Xpos::Vbg) {
                return true;
            }
            if matches!(t.upos, Upos::Verb | Upos::Aux) || lower(t) == "that" {
                return false;
            }
        }
        true
    }

    /// "P, according to X." or "According to X, P": the phrase set off at either edge of
    /// the sentence frames all of it. (Inside the clause, the clause's own "according to"
    /// phrase is its source: [`Self::according_source`].)
    fn according_at_an_edge(&self) -> Option<Frame> {
        let n = self.t.len();
        let a = (0..n.saturating_sub(1))
            .find(|&a| lower(&self.t[a]) == "according" && lower(&self.t[a + 1]) == "to")?;
        let x = self.t[a].head.filter(|&x| x > a + 1)?;
        let last = self.span(x, &|_| false).last().copied().unwrap_or(x).max(x);
        let rest_is_punctuation = (last + 1..n).all(|k| self.t[k].upos == Upos::Punct);
        let content = if a >= 1 && self.t[a - 1].form == "," && rest_is_punctuation {
            0..a - 1
        } else if a == 0 && self.t.get(last + 1).is_some_and(|t| t.form == ",") {
            last + 2..n
        } else {
            return None;
        };
        Some(Frame {
            source: self.according_source(x),
            verb: None,
            content,
        })
    }

    /// The source named by "according to X": X, or whoever issued the statement X is ("a
    /// statement from Uzbekistan's foreign ministry", "a police statement").
    pub(super) fn according_source(&self, x: usize) -> Node {
        if ISSUED.contains(&self.t[x].lemma.to_lowercase().as_str()) {
            let issuer = self
                .kids(x, Deprel::Nmod)
                .find(|&m| matches!(self.prep_text(&self.preposition(m)).as_str(), "from" | "by"))
                .or_else(|| {
                    // (A common noun: "U.S. reports" are reports from there, not the
                    // country's.)
                    self.kids(x, Deprel::Compound)
                        .find(|&m| self.t[m].upos == Upos::Noun)
                });
            if let Some(m) = issuer {
                let prep = self.preposition(m);
                let mut node = self.node(m);
                node.tokens.retain(|i| !prep.contains(i));
                return node;
            }
        }
        let prep = self.preposition(x);
        let mut node = self.node(x);
        node.tokens.retain(|i| {
            !prep.contains(i) && !matches!(lower(&self.t[*i]).as_str(), "according" | "to")
        });
        node
    }
}

/// Whether a subject (lower case) can be a speaker: not "this", "it" or "which" ("…, and he
/// said it worked" reports nothing before it).
fn someone(word: &str) -> bool {
    !matches!(
        word,
        "this" | "that" | "these" | "those" | "it" | "which" | "what"
    )
}

fn is_quote(form: &str) -> bool {
    matches!(form, "\"" | "”" | "“" | "''" | "``")
}

impl View<'_> {
    /// Whether the verb `v` asks another party for an act ("urged residents | to stay"), whose
    /// source it then is.
    pub(super) fn asks_for_an_act(&self, v: usize) -> bool {
        self.children[v]
            .iter()
            .chain(
                self.controllers(v)
                    .iter()
                    .flat_map(|&o| self.children[o].iter()),
            )
            .any(|&x| self.requested_by(x) == Some(v))
    }
}
