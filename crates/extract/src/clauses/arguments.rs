//! What an argument node denotes: an entity, a time or quantity, a concept or an unresolved
//! pronoun, with the minimal text the graph names it by. The tree is read with some English the
//! recogniser lacks: a title or a nationality the parser made the head of a name gives way to
//! the name, what a counting noun counts is the argument ("dozens of prisoners"), the noun that
//! classifies a place is that place ("the city of Odesa"), and a concept keeps the words that
//! say which one it is: its named owner ("Sudan's army", "shares of Nvidia"), its number ("14
//! crew members") and a bare kind after "of" ("a state of emergency"), so that different things
//! stay different nodes; articles, relative clauses, appositions and longer tails are cut.

use super::obliques::PLACE_CLASS_NOUNS;
use super::{lower, Node, View};
use crate::doc::{Deprel, EntityType, Mention, Upos, Xpos};
use crate::statement::{Argument, ArgumentKind, Literal};
use kg_nlp::gazetteer::gazetteer;

/// Nouns that count or measure what their "of" names ("dozens of prisoners", "$2 billion
/// worth of shares", "a series of attacks"), as an argument; as what an apposition or a copula
/// says, the noun itself ("Nihon Hidankyo, a group of atomic bomb survivors" is a group).
const COUNTING_NOUNS: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "scores",
    "tens",
    "handful",
    "worth",
    "lot",
    "lots",
    "series",
    "couple",
    "pair",
    "group",
];

/// Adjectives that, with "the" and no noun, name a group of people ("the dead", "the
/// elderly").
const PEOPLE_ADJECTIVES: &[&str] = &[
    "accused",
    "dead",
    "deceased",
    "disabled",
    "displaced",
    "elderly",
    "homeless",
    "hungry",
    "injured",
    "missing",
    "needy",
    "poor",
    "rich",
    "sick",
    "unemployed",
    "wealthy",
    "wounded",
    "young",
];

/// Counting nouns only after "a": "a number of countries", not "the number of deaths rose".
const COUNTING_AFTER_A: &[&str] = &["number", "total"];

impl View<'_> {
    pub(super) fn entity_kind(&self, head: usize) -> Option<EntityType> {
        match self.argument(&self.node(head)).kind {
            ArgumentKind::Entity(k) => Some(k),
            _ => None,
        }
    }

    /// What a node denotes: an entity, a time or quantity, a concept or an unresolved pronoun.
    pub(super) fn argument(&self, n: &Node) -> Argument {
        let (mut fs, mut fe) = match (n.tokens.first(), n.tokens.last()) {
            (Some(&a), Some(&b)) => (a, b + 1),
            _ => (n.head, n.head + 1),
        };
        // A predicate's phrase does not run across its clause's subject, copula or auxiliary
        // (cut from the phrase): "Often , objects are so far away" is "so far away",
        // "However , the term cob … is a body type" is "a body type". (Other gaps, a cut
        // conjunct or apposition, stay inside the written phrase.)
        if n.tokens.binary_search(&n.head).is_ok() {
            let within = |i: usize| n.tokens.binary_search(&i).is_ok();
            let clause_words: Vec<usize> = self.children[n.head]
                .iter()
                .copied()
                .filter(|&c| {
                    matches!(
                        self.rel(c).base(),
                        Deprel::Nsubj | Deprel::Csubj | Deprel::Cop | Deprel::Aux | Deprel::Expl
                    )
                })
                .collect();
            let cut = |i: usize| !within(i) && clause_words.iter().any(|&c| self.dominates(c, i));
            let mut s = n.head;
            while s > fs && within(s - 1) {
                s -= 1;
            }
            if (fs..s).any(cut) {
                fs = s;
            }
            let mut e = n.head + 1;
            while e < fe && within(e) {
                e += 1;
            }
            if (e..fe).any(cut) {
                fe = e;
            }
        }
        // A preposition left at the front of a noun phrase is not its word ("Suomen
        // Turistiauto, with another city-owned company" is no company "with"; "along with
        // friend Derek Stevens"), except inside an amount ("up to 77 percent").
        while fs < n.head
            && !self.in_amount(fs)
            && (matches!(self.t[fs].upos, Upos::Adp | Upos::Punct)
                || (self.rel(fs) == Deprel::Advmod && self.t[fs + 1].upos == Upos::Adp))
        {
            fs += 1;
        }
        let full = self.span_text_balanced(fs, fe);
        if let Some(a) = &n.resolved {
            return Argument {
                full_text: full,
                span: (fs, fe),
                ..a.clone()
            };
        }
        let head = n.head;
        let make = |text: String, kind: ArgumentKind| Argument {
            text,
            full_text: full.clone(),
            kind,
            span: (fs, fe),
            alias: None,
        };
        if let Some(x) = self
            .sentence
            .timexes
            .iter()
            .find(|x| x.start <= head && head < x.end)
        {
            return make(
                self.span_text(x.start, x.end),
                ArgumentKind::Literal(Literal::Time(x.value.clone())),
            );
        }
        // "spent a club-record 11 million euros": a sum right after the noun the parser made
        // the head, inside the phrase, is what the phrase is.
        if let Some(q) = self.sentence.quantities.iter().find(|q| {
            q.kind == crate::doc::QuantityKind::Money
                && q.start == head + 1
                && self.t[head].upos == Upos::Noun
                && (q.start..q.end).all(|i| n.tokens.contains(&i))
        }) {
            return make(
                self.span_text(q.start, q.end),
                ArgumentKind::Literal(Literal::Quantity {
                    amount: q.amount,
                    unit: q.unit.clone(),
                }),
            );
        }
        let named = self.named_in(n);
        // "The Serbian, 36, broke the record": a nationality in the singular with an article is
        // a person, not the country; who it is, the text has said elsewhere.
        let a_national = named.is_some_and(|m| m.kind == EntityType::Other && m.end == head + 1)
            && matches!(self.t[head].xpos, Xpos::Nn | Xpos::Nnp | Xpos::Jj)
            && self
                .kids(head, Deprel::Det)
                .any(|d| lower(&self.t[d]) == "the");
        if a_national {
            return make(self.span_text(head, head + 1), ArgumentKind::Unresolved);
        }
        // "11 Indians", "three Sri Lankans": people of a nationality, counted, not the country
        // ("The Chileans won" may be the national team: that stays the country's).
        // So are nationals with a quantifier or a modifier of their own ("many Russians",
        // "some Americans", "Milwaukee German Americans"): some people, not the nation.
        let m_start = named.map_or(head, |m| m.start);
        let counted = self.t[head].form.ends_with('s')
            && self.children[head].iter().any(|&c| {
                c < m_start
                    && match self.rel(c).base() {
                        Deprel::Nummod | Deprel::Amod | Deprel::Compound => true,
                        Deprel::Det => lower(&self.t[c]) != "the",
                        _ => false,
                    }
            });
        let nationals =
            counted && named.is_some_and(|m| m.kind == EntityType::Other && m.end == head + 1);
        if nationals {
            // (With the words that say which: "11 Indians", "Milwaukee German Americans".)
            let from = self.children[head]
                .iter()
                .copied()
                .filter(|&c| {
                    c < head
                        && matches!(
                            self.rel(c).base(),
                            Deprel::Nummod | Deprel::Amod | Deprel::Compound
                        )
                })
                .map(|c| self.minimal_range(c).0)
                .min()
                .unwrap_or(m_start)
                .min(m_start);
            return make(self.span_text(from, head + 1), ArgumentKind::Concept);
        }
        if let Some(inner) = self.counted(n) {
            return Argument {
                full_text: full,
                span: (fs, fe),
                ..self.argument(&inner)
            };
        }
        if let Some(text) = self.classified_place(n) {
            return make(text, ArgumentKind::Entity(EntityType::Place));
        }
        if let Some(m) = named {
            let text = m
                .refers_to
                .clone()
                .unwrap_or_else(|| self.span_text(m.start, m.end));
            return make(text, ArgumentKind::Entity(m.kind));
        }
        // (A share of a group before the amount it is written with: "23.8 percent of the
        // population" is a part of the population, not a number.)
        if let Some(text) = self.partitive(n) {
            return make(text, ArgumentKind::Concept);
        }
        if let Some(q) =
            self.sentence.quantities.iter().find(|q| {
                q.start <= head && head < q.end && q.kind != crate::doc::QuantityKind::Count
            })
        {
            return make(
                self.span_text(q.start, q.end),
                ArgumentKind::Literal(Literal::Quantity {
                    amount: q.amount,
                    unit: q.unit.clone(),
                }),
            );
        }
        let t = &self.t[head];
        match t.upos {
            // A possessive that stands for a phrase's owner ("his" in "his lawyer", a role's
            // organisation): the pronoun alone, for coreference to resolve.
            Upos::Pron if t.xpos == Xpos::PrpDollar => Argument {
                text: t.form.clone(),
                full_text: t.form.clone(),
                kind: ArgumentKind::Unresolved,
                span: (head, head + 1),
                alias: None,
            },
            Upos::Pron | Upos::Det => make(t.form.clone(), ArgumentKind::Unresolved),
            Upos::Propn => {
                let (text, kind) = self.name_without_title(head, fs);
                make(text, ArgumentKind::Entity(kind))
            }
            Upos::Noun => make(self.concept_text(head), ArgumentKind::Concept),
            // An adjective for people with "the" and no noun names the people it describes:
            // "the dead included four depot guards", "given to the elderly" (not "the same",
            // "the best").
            Upos::Adj if PEOPLE_ADJECTIVES.contains(&lower(t).as_str()) => {
                match self
                    .kids(head, Deprel::Det)
                    .find(|&d| lower(&self.t[d]) == "the")
                {
                    Some(d) => make(
                        lower_first(&self.span_text(d, head + 1)),
                        ArgumentKind::Concept,
                    ),
                    None => make(full.clone(), ArgumentKind::Literal(Literal::Text)),
                }
            }
            Upos::Num => make(full.clone(), ArgumentKind::Literal(Literal::Text)),
            _ => make(full.clone(), ArgumentKind::Literal(Literal::Text)),
        }
    }

    /// The name a description stands beside as its apposition, as a verb's argument:
    /// "Revontuli Health, a private healthcare group that runs 14 clinics" (the group that runs
    /// them is Revontuli Health), "near Kisumba Rock, an outcrop claimed by both countries",
    /// "the construction firm, Grupo Itaúna". `None` when the node is no common noun beside a
    /// name of a person, organisation or place.
    pub(super) fn named_by_apposition(&self, n: &Node) -> Option<Argument> {
        let head = n.head;
        if self.t[head].upos != Upos::Noun || n.resolved.is_some() {
            return None;
        }
        let named = |x: usize| {
            self.mention_at(x).filter(|m| {
                matches!(
                    m.kind,
                    EntityType::Person | EntityType::Organization | EntityType::Place
                )
            })
        };
        // A description has a determiner or an owner ("a … group", "the firm", "my insurance
        // company"): a bare noun beside a name is more often an item of a list ("green tea
        // extract, CLA, chromium").
        let owner = |c: usize| {
            self.t[c].xpos == Xpos::PrpDollar
                || self.children[c]
                    .iter()
                    .any(|&k| self.t[k].xpos == Xpos::Pos)
        };
        let determined = self.children[head].iter().any(|&c| {
            self.rel(c).base() == Deprel::Det || (self.rel(c) == Deprel::NmodPoss && owner(c))
        });
        // (Or none, with the name right after it: "led by Lebanese poet Karim Haddad" is led
        // by Karim Haddad, as "leader Kim Jong Un" is Kim.)
        // The description is the apposition of the name ("Revontuli Health, a … group"), the
        // noun right before its comma even when the parser hung it higher up.
        let up = self.t[head]
            .head
            .filter(|&p| {
                self.rel(head).base() == Deprel::Appos
                    && p < head
                    && self.set_off_or_adjacent(p, head)
            })
            .map(|p| self.nearest_noun_before(p, head))
            .filter(|&p| named(p).is_some());
        // The name is the apposition of the description, right after it ("the firm, X").
        let (_, end) = self.minimal_range(head);
        // (A person's name only after a noun for a person or group: in "the attorney who
        // helped draft the emergency request, Charles Robinson," he is no request.)
        let lemma = super::lemma(&self.t[head]);
        let down = || {
            self.kids_base(head, Deprel::Appos).find(|&a| {
                let start = named(a).map_or(a, |m| m.start);
                let fits = named(a).is_some_and(|m| {
                    m.kind != EntityType::Person || gazetteer().is_agent_noun(&lemma)
                });
                a > head && fits && (start == end || (start == end + 1 && self.t[end].form == ","))
            })
        };
        // A description with the name it goes by: "an armed group known as the Coastal
        // Brigades", "a platform called Nordvest Trade", "a hacking group calling itself Frost
        // Lynx".
        let called = || {
            self.kids(head, Deprel::Acl).find_map(|v| {
                let naming = matches!(
                    super::lemma(&self.t[v]).as_str(),
                    "know" | "call" | "name" | "dub"
                ) && matches!(self.t[v].xpos, Xpos::Vbn | Xpos::Vbg);
                let name = self.children[v]
                    .iter()
                    .copied()
                    .find(|&c| c > v && named(c).is_some())?;
                naming.then_some(name)
            })
        };
        let name = if determined {
            up.or_else(called).or_else(down)?
        } else {
            down()
                .filter(|&a| named(a).is_some_and(|m| m.start == end))
                .or_else(called)?
        };
        let m = named(name)?;
        Some(self.argument(&Node::of_mention(m)))
    }

    /// The mention a node names: the one at its head, or the name inside its phrase when the
    /// parser made a title or a nationality the head.
    fn named_in(&self, n: &Node) -> Option<&Mention> {
        let head = n.head;
        // A title the parser made the head of its name ("Chief executive Maria Lind", with
        // "Chief" heading): the name inside the phrase is the argument. It must end where the
        // phrase's proper nouns end: a mention that stops short ("Premier Kim Tok | Hun") is
        // worse than the phrase's own name.
        let last_name_word = n
            .tokens
            .iter()
            .copied()
            .filter(|&i| self.t[i].upos == Upos::Propn)
            .max();
        // The same for a nationality the parser made the head ("North Korean | Premier Kim Tok
        // Hun inspected…", with "Korean" heading): the person or organisation is the argument,
        // not the country the demonym refers to.
        let at_head = self.mention_at(head);
        let demonym_head = at_head.is_some_and(|m| m.kind == EntityType::Other);
        let titled = || {
            (demonym_head || gazetteer().is_title(&self.t[head].form)).then(|| {
                self.sentence.mentions.iter().find(|m| {
                    (m.kind == EntityType::Person
                        || (demonym_head && m.kind == EntityType::Organization))
                        && (m.start..m.end).all(|i| n.tokens.contains(&i))
                        && Some(m.end - 1) == last_name_word
                        // (Not the title's owner, "Riachuelo's president", nor a name its
                        // description names after a preposition, "chairman of the company
                        // Cerro Blanco".)
                        && self.t.get(m.end).is_none_or(|x| x.xpos != Xpos::Pos)
                        && !(m.start > head
                            && self.t[m.start - 1].upos == Upos::Noun
                            && (head..m.start).any(|i| self.t[i].upos == Upos::Adp))
                })
            })?
        };
        // And a title the parser made the head of a flat name ("Saudi Crown | Prince Mohammed
        // bin Salman", with "Crown" heading; "Finance | Minister Agnieszka Dąbrowska", with a
        // capitalised noun heading): the person named at the end of the phrase.
        let capitalised = |i: usize| {
            self.t[i]
                .form
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let title_run_head = || {
            (self.t[head].upos == Upos::Propn
                || (self.t[head].upos == Upos::Noun && capitalised(head)))
            .then(|| {
                self.sentence.mentions.iter().find(|m| {
                    m.kind == EntityType::Person
                        && m.start > head
                        && (m.start..m.end).all(|i| n.tokens.contains(&i))
                        && Some(m.end - 1) == last_name_word
                        && (head + 1..m.start)
                            .all(|i| self.t[i].upos == Upos::Propn || self.t[i].upos == Upos::Adj)
                })
            })
            .flatten()
        };
        if demonym_head {
            titled().or(at_head)
        } else {
            at_head.or_else(titled).or_else(title_run_head)
        }
    }

    /// "dozens of prisoners", "thousands of protesters": the counted thing is the argument
    /// (the whole phrase stays its full text).
    fn counted(&self, n: &Node) -> Option<Node> {
        let head = n.head;
        let described =
            self.rel(head).base() == Deprel::Appos || self.kids(head, Deprel::Cop).next().is_some();
        let counting = !described
            && (COUNTING_NOUNS.contains(&lower(&self.t[head]).as_str())
                || (COUNTING_AFTER_A.contains(&lower(&self.t[head]).as_str())
                    && self
                        .kids(head, Deprel::Det)
                        .any(|d| lower(&self.t[d]) == "a")));
        if !(matches!(self.t[head].upos, Upos::Noun | Upos::Num) && counting) {
            return None;
        }
        let c = self.kids(head, Deprel::Nmod).find(|&c| {
            n.tokens.contains(&c)
                && self
                    .kids(c, Deprel::Case)
                    .any(|p| lower(&self.t[p]) == "of")
        })?;
        let mut inner = self.node(c);
        inner
            .tokens
            .retain(|&i| !(self.t[i].head == Some(c) && self.rel(i) == Deprel::Case));
        Some(inner)
    }

    /// "nine of the dead", "most of the missing": a part of a group of things or people, a
    /// concept of its own (not a number, which no statement is about). Not of a pronoun
    /// ("nine of them", for coreference) nor a pronoun's part ("all of its powers").
    fn partitive(&self, n: &Node) -> Option<String> {
        let head = n.head;
        // A share written as a percentage: "23.8 percent of the population", "23.8 % of".
        let percent = self.sentence.quantities.iter().find(|q| {
            q.start <= head && head < q.end && q.kind == crate::doc::QuantityKind::Percent
        });
        let part = match self.t[head].upos {
            _ if percent.is_some() => true,
            // (Not an amount: "$5 of the sum".)
            Upos::Num => !self.sentence.quantities.iter().any(|q| {
                q.start <= head && head < q.end && q.kind != crate::doc::QuantityKind::Count
            }),
            Upos::Adj => matches!(
                lower(&self.t[head]).as_str(),
                "most" | "many" | "few" | "several" | "half"
            ),
            // "half of the residents", "a third of the staff", "the majority of voters": not
            // the whole group.
            Upos::Noun | Upos::Sym => matches!(
                lower(&self.t[head]).as_str(),
                "%" | "percent" | "half" | "third" | "quarter" | "fifth" | "majority" | "minority"
            ),
            _ => false,
        };
        if !part {
            return None;
        }
        let of = self.kids(head, Deprel::Nmod).find(|&c| {
            n.tokens.contains(&c)
                && c > head
                && matches!(self.t[c].upos, Upos::Noun | Upos::Adj | Upos::Propn)
                && self
                    .kids(c, Deprel::Case)
                    .any(|p| lower(&self.t[p]) == "of")
        })?;
        let (_, end) = self.minimal_range(of);
        // (From the amount's first word: "23.8 percent", "a third".)
        let start = percent.map_or(head, |q| q.start.min(head)).min(
            self.children[head]
                .iter()
                .copied()
                .filter(|&c| {
                    c < head
                        && (matches!(self.rel(c).base(), Deprel::Nummod | Deprel::Amod)
                            || (self.rel(c) == Deprel::Det && lower(&self.t[c]) == "a"))
                })
                .min()
                .unwrap_or(head),
        );
        let head = start;
        let text = self.span_text(head, end);
        Some(if head == 0 {
            let first = self.t[0].form.len();
            format!("{}{}", lower(&self.t[0]), &text[first..])
        } else {
            text
        })
    }

    /// "the city of Odesa", "the Indonesian island of Java": the place the noun classifies
    /// (also when the recogniser took the noun into a name: "the West Bank city of Jenin").
    fn classified_place(&self, n: &Node) -> Option<String> {
        let head = n.head;
        if self.t[head].upos != Upos::Noun
            || !PLACE_CLASS_NOUNS.contains(&lower(&self.t[head]).as_str())
        {
            return None;
        }
        // (A proper noun the recogniser missed names a place there too: "the city of Jenin".)
        self.kids(head, Deprel::Nmod).find_map(|c| {
            if !self
                .kids(c, Deprel::Case)
                .any(|p| lower(&self.t[p]) == "of")
                || !n.tokens.contains(&c)
            {
                return None;
            }
            match self.mention_at(c) {
                Some(m) if m.kind == EntityType::Place => Some(
                    m.refers_to
                        .clone()
                        .unwrap_or_else(|| self.span_text(m.start, m.end)),
                ),
                None if self.t[c].upos == Upos::Propn => {
                    let words: Vec<usize> = self
                        .span(c, &|_| false)
                        .into_iter()
                        .filter(|&i| {
                            i == c
                                || (self.t[i].head == Some(c) && self.rel(i).is_compound_or_flat())
                        })
                        .collect();
                    let (a, b) = (words[0], words[words.len() - 1] + 1);
                    (b - a == words.len()).then(|| self.span_text(a, b))
                }
                _ => None,
            }
        })
    }

    /// A proper noun the recogniser did not name, as a name and a guess at its kind from the
    /// gazetteer. Titles are not part of a name: "Premier Kim Tok Hun" is Kim Tok Hun.
    fn name_without_title(&self, head: usize, fs: usize) -> (String, EntityType) {
        let (mut s, e) = self.minimal_range(head);
        let g = gazetteer();
        let mut titled = (fs..s).any(|i| g.is_title(&self.t[i].form));
        while s + 1 < e && g.is_title(&self.t[s].form) {
            s += 1;
            titled = true;
        }
        let name: Vec<&str> = (s..e).map(|i| self.t[i].form.as_str()).collect();
        let kind = if g.is_org_suffix(&self.t[e - 1].form) {
            EntityType::Organization
        } else if g.place(&name).is_some() || g.is_place_head(&self.t[e - 1].form) {
            EntityType::Place
        } else if titled || g.is_person_name(&self.t[s].form) {
            EntityType::Person
        } else {
            EntityType::Other
        };
        (self.span_text(s, e), kind)
    }

    /// A common noun's text as a concept: its minimal text, with a named owner before it
    /// ("Sudan's army", "Taiwan's defence ministry") or after "of" ("shares of Nvidia"):
    /// without it every army or ministry in the graph would be one node. Pronoun and
    /// common-noun owners are left out ("its army", "the sidelines of the summit").
    fn concept_text(&self, head: usize) -> String {
        let (s, e) = self.minimal_range(head);
        let owner = self
            .kids(head, Deprel::NmodPoss)
            .find(|&p| p < s && (self.t[p].upos == Upos::Propn || self.mention_at(p).is_some()));
        let owned = owner.and_then(|p| {
            let (ps, pe) = match self.mention_at(p) {
                Some(m) if m.kind != EntityType::Other => (m.start, m.end),
                Some(_) => return None,
                None => self.minimal_range(p),
            };
            // Only the possessive marker between the owner and the noun, written as one word
            // with the owner whatever the tokenisation ("Sudan 's army" as CaRB gives it).
            (pe < s && (pe..s).all(|i| self.t[i].xpos == Xpos::Pos)).then(|| {
                let marker: String = (pe..s).map(|i| self.t[i].form.as_str()).collect();
                format!(
                    "{}{marker} {}",
                    self.span_text(ps, pe),
                    self.span_text(s, e)
                )
            })
        });
        if let Some(text) = owned {
            return text;
        }
        // The same owner after "of", right after the noun: "shares of Nvidia", "the people of
        // Gaza", "the invasion of Ukraine".
        let of_owner = self.kids(head, Deprel::Nmod).find_map(|c| {
            let m = self.mention_at(c).filter(|m| m.kind != EntityType::Other)?;
            let prep = self.preposition(c);
            let between = (e..m.start).all(|i| {
                prep.contains(&i) || (self.t[i].upos == Upos::Det && lower(&self.t[i]) == "the")
            });
            // One owner: "the leaders of Russia and North Korea" are no leaders of Russia.
            let alone = self.kids(c, Deprel::Conj).next().is_none();
            (self.prep_text(&prep) == "of" && prep.first() == Some(&e) && between && alone)
                .then(|| format!("{} {}", self.span_text(s, e), self.span_text(e, m.end)))
        });
        of_owner
            .or_else(|| self.of_kind(head, s, e))
            .unwrap_or_else(|| self.span_text(s, e))
    }

    /// A bare common noun after "of" says which kind of thing the noun is: "a state of
    /// emergency", "a sentence of five years", "the number of zeros". With an article or a
    /// possessive it is a thing of its own ("the sidelines of the summit", "the head of its
    /// army"), and a longer tail would make the node one sentence's.
    fn of_kind(&self, head: usize, s: usize, e: usize) -> Option<String> {
        let c = self.kids(head, Deprel::Nmod).find(|&c| {
            self.t[c].upos == Upos::Noun
                && self.prep_text(&self.preposition(c)) == "of"
                && self.preposition(c).first() == Some(&e)
                && self.kids(c, Deprel::Conj).next().is_none()
        })?;
        let bare = self.kids(c, Deprel::Det).next().is_none()
            && self.kids(c, Deprel::NmodPoss).next().is_none();
        let (cs, ce) = self.minimal_range(c);
        // Only the preposition between the noun and the kind, and a kind, not an act
        // ("accused the tanker of smuggling fuel").
        let act = lower(&self.t[cs]).ends_with("ing");
        (bare && cs == e + 1 && !act)
            .then(|| format!("{} of {}", self.span_text(s, e), self.span_text(cs, ce)))
    }

    /// The minimal text of a node's head: the name, or the noun with its numbers, adjectives
    /// and noun compounds ("two ballistic missiles" for "the two ballistic missiles").
    pub(super) fn minimal_text(&self, head: usize) -> String {
        let (s, e) = self.minimal_range(head);
        self.span_text(s, e)
    }

    pub(super) fn minimal_range(&self, head: usize) -> (usize, usize) {
        let mut s = head;
        while s > 0 {
            let j = s - 1;
            // A word written with a hyphen is one word: "24-hour ceasefire", "mixed-reality
            // headset" keep "24-" and "mixed-".
            if j >= 1
                && self.t[j].form == "-"
                && !self.t[j].space_after
                && !self.t[j - 1].space_after
                && self.dominates(head, j - 1)
            {
                s = j - 1;
                continue;
            }
            // A number counts the thing: "a 51 percent stake", "two ballistic missiles", "the
            // 2024 election" are what the text says, and "missiles" alone would be every
            // missile in the graph.
            // (With the number's own words: "18 | million reais".)
            let number_word = |r: Deprel| {
                r == Deprel::Nummod
                    || (r == Deprel::Compound
                        && self.t[j].head.is_some_and(|h| self.t[h].upos == Upos::Num))
            };
            if self.dominates(head, j)
                && self.t[j].upos == Upos::Num
                && number_word(self.rel(j).base())
            {
                s = j;
                continue;
            }
            let ok = self.dominates(head, j)
                && !matches!(
                    self.t[j].upos,
                    Upos::Det | Upos::Num | Upos::Pron | Upos::Punct | Upos::Adv | Upos::Adp
                )
                && self.t[j].xpos != Xpos::Pos
                && matches!(
                    self.rel(j).base(),
                    Deprel::Compound | Deprel::Amod | Deprel::Flat
                );
            if ok {
                s = j;
            } else {
                break;
            }
        }
        let mut e = head + 1;
        while e < self.t.len()
            && self.t[e].head == Some(head)
            && matches!(
                self.rel(e).base(),
                Deprel::Flat | Deprel::Compound | Deprel::Fixed
            )
        {
            e += 1;
        }
        (s, e)
    }

    /// Whether a node is "each other" or "one another".
    pub(super) fn reciprocal(&self, n: &Node) -> bool {
        let [a, b] = n.tokens[..] else {
            return false;
        };
        matches!(
            (lower(&self.t[a]).as_str(), lower(&self.t[b]).as_str()),
            ("each", "other") | ("one", "another")
        )
    }
}

/// The text with its first letter in lowercase ("The dead" → "the dead").
fn lower_first(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
