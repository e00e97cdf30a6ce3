//! Role statements, a step of the extractor of its own: titles and role words before a person's
//! name or in an apposition after it ("North Korean leader Kim Jong Un", "Lim Soo-suk, South
//! Korea's Foreign Ministry spokesperson") are not part of the name; they become statements with
//! relation lemma `"<role> of"` and the organisation or country as object (Kim Jong Un — leader
//! of — North Korea), or relation `be` with the role as a concept when no organisation is named.
//! Roles are read from the words as well as the parse ("the prime minister of Norway, Jonas
//! Berg,").
//!
//! [`find`] reads the roles off the document's mentions; [`add_statements`] states them, naming
//! each person and organisation by what its mention names ([`EntityNames`]): the names as
//! written, or coreference's full names when it runs. Coreference also remembers each role on
//! its entity, for the definite descriptions ("the leader").

use crate::doc::{CharOffsets, Document, EntityType, Token, Upos, Xpos};
use crate::mentions::{lower, text_of, title_word, EntityNames, Mentions, NameMention};
use crate::names;
use crate::statement::{Argument, ArgumentKind, Literal, Provenance, Relation, Statement};
use kg_nlp::gazetteer::{gazetteer, PlaceKind};

/// Titles that are forms of address, not roles.
pub(crate) const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "doctor",
    "prof",
    "professor",
    "rev",
    "reverend",
    "father",
    "sister",
    "madam",
    "madame",
];

/// Words that modify a role noun before a name ("Vice Premier", "Foreign Minister").
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "acting",
    "interim",
    "senior",
    "top",
    "chief",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "cabinet",
    "first",
    "supreme",
    "state",
    "assistant",
    "executive",
    "military",
    "party",
    "official",
    "prime",
    "country",
];

/// Roles in a country that a nationality before them names: "Kenyan president X" is Kenya's
/// president, but "Georgian director X" is a director from Georgia, not Georgia's (the last word
/// of the role decides).
const COUNTRY_OFFICES: &[&str] = &[
    "minister",
    "president",
    "premier",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sultan",
    "emir",
    "sheikh",
    "ambassador",
    "envoy",
    "chancellor",
    "official",
    "general",
    "admiral",
    "commander",
    "marshal",
    "secretary",
    "senator",
    "governor",
];

/// Common nouns for an organisation a role before a name can be in: "police spokesman X" is
/// the police's spokesman, "ministry spokesman X" the ministry's, "union leader X" the union's.
const ORGANISATION_NOUNS: &[&str] = &[
    "police",
    "ministry",
    "army",
    "military",
    "navy",
    "government",
    "union",
    "club",
    "party",
    "court",
    "agency",
    "council",
    "committee",
    "company",
];

/// A person's role, found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleFact {
    /// The person: an index into the document's [`Mentions`].
    pub person: usize,
    /// The role's words, lower case ("foreign minister").
    pub role: String,
    /// The role as a concept's text when no organisation is named: the role with the
    /// capitalised words before it that name no one, as written ("Soviet leader").
    pub concept: String,
    /// The role's tokens in the person's sentence.
    pub span: (usize, usize),
    /// What the role is a role in, when named.
    pub organisation: Option<Organisation>,
}

/// The organisation or country a role is a role in.
#[derive(Clone, Debug, PartialEq)]
pub enum Organisation {
    /// A recognised name: an index into the document's [`Mentions`].
    Mention(usize),
    /// Capitalised words the recogniser missed ("Finance Ministry"), as written.
    Unrecognised(String),
    /// A common noun for an organisation ("police"), a concept.
    Concept(String),
}

impl Organisation {
    /// Its name and type.
    pub fn named<'a>(&'a self, names: &'a EntityNames) -> (&'a str, EntityType) {
        match self {
            Organisation::Mention(i) => names.of(*i),
            Organisation::Unrecognised(text) | Organisation::Concept(text) => {
                (text, EntityType::Organization)
            }
        }
    }
}

/// A role phrase's token span `start..end` and the organisation or country it is a role in.
type RoleSpan = (usize, usize, Option<Organisation>);

/// The roles of the persons `mentions` names: titles before names, appositions after them, a
/// role of a named organisation set off before a name. In the order of the mentions.
pub fn find(document: &Document, mentions: &Mentions) -> Vec<RoleFact> {
    let g = gazetteer();
    let mut out = Vec::new();
    for (person, m) in mentions.as_slice().iter().enumerate() {
        if m.kind != EntityType::Person {
            continue;
        }
        let sentence = &document.sentences[m.sentence];
        let t = &sentence.tokens;
        let is_role_word = |tok: &Token| {
            let w = title_word(tok);
            (g.is_title(&tok.form) && !HONORIFICS.contains(&w.as_str()))
                || ROLE_MODIFIERS.contains(&w.as_str())
        };
        let in_other_mention = |i: usize| {
            mentions
                .in_sentences(m.sentence, m.sentence)
                .iter()
                .any(|o| o.sentence == m.sentence && o.start <= i && i < o.end)
        };
        let mut found: Option<RoleSpan> = None;
        let mut before_name = false;
        // Before the name: "[North Korean] [leader] Kim Jong Un".
        let mut k = m.start;
        // A title of several words whose last is no title alone: "[chief executive] Ana Ruiz".
        let long_title =
            long_title_ending_at(t, m.start).filter(|&j| !(j..m.start).any(in_other_mention));
        if let Some(j) = long_title {
            k = j;
        }
        while k > 0 && !in_other_mention(k - 1) && (is_role_word(&t[k - 1]) || joins(t, k - 1)) {
            k -= 1;
        }
        if k < m.start && (long_title.is_some() || is_title_end(&t[m.start - 1])) {
            // The organisation may stand before a word that dates the role and is no part of
            // it: "Argentina's new president Javier Milei".
            let mut o = k;
            while o > 0
                && matches!(
                    lower(&t[o - 1]).as_str(),
                    "new" | "newly" | "elected" | "incoming" | "outgoing" | "current"
                )
            {
                o -= 1;
            }
            let org = organisation_before(document, mentions, m.sentence, o).or_else(|| {
                // (The tagger may take a capitalised "Police" for anything.)
                (k > 0 && !in_other_mention(k - 1))
                    .then(|| lower(&t[k - 1]))
                    .filter(|w| ORGANISATION_NOUNS.contains(&w.as_str()))
                    .map(Organisation::Concept)
            });
            found = Some((k, m.start, org));
            before_name = true;
        } else if let Some(r) = apposition(document, mentions, m) {
            found = Some(r);
        } else if let Some(r) = role_of_before(document, mentions, m, &is_role_word) {
            found = Some(r);
        } else if let Some(r) = owned_role_before(document, mentions, m, &is_role_word) {
            found = Some(r);
        }
        let Some((mut rs, re, mut organisation)) = found else {
            continue;
        };
        let role = role_text(&t[rs..re]);
        if role.is_empty() || t[rs..re].iter().any(|x| lower(x) == "former") {
            continue;
        }
        // "Kazakhstan's foreign minister, Dauren Abenov, and his Uzbek counterpart, Nodira
        // Rakhimova": a counterpart holds the office of the one before, in the country of the
        // nationality ("his Chinese counterpart Wang Yi" is China's foreign minister).
        if role.rsplit(' ').next() == Some("counterpart") {
            let demonym = match organisation {
                Some(Organisation::Mention(i)) if mentions[i].demonym => Some(i),
                _ => mentions.indices_in(m.sentence, m.sentence).find(|&i| {
                    mentions[i].demonym && mentions[i].end <= re && mentions[i].end + 2 >= rs
                }),
            };
            let office = out.iter().rev().find(|f: &&RoleFact| {
                mentions[f.person].sentence == m.sentence
                    && f.role
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| GOVERNMENT_OFFICES.contains(&w))
            });
            if let (Some(i), Some(office)) = (demonym, office) {
                let role = office.role.clone();
                out.push(RoleFact {
                    person,
                    concept: role.clone(),
                    role,
                    span: (rs, re),
                    organisation: Some(Organisation::Mention(i)),
                });
            }
            continue;
        }
        let mut concept = role.clone();
        // A nationality before a role that is no office of a country describes the person:
        // "Georgian director Nino Beridze" is a Georgian director.
        if let Some(Organisation::Mention(i)) = organisation {
            let d = &mentions[i];
            let office = role
                .rsplit(' ')
                .next()
                .is_some_and(|w| COUNTRY_OFFICES.contains(&w));
            if d.demonym && before_name && !office && d.sentence == m.sentence && d.end <= rs {
                organisation = None;
                concept = text_of(document, &t[d.start..re]);
                rs = d.start;
            }
        }
        // Without an organisation the role is a concept node, and "leader" alone would be
        // every leader in the graph: the capitalised words before it that the recogniser did
        // not name stay with it ("Soviet leader Mikhail Gorbachev", "Police Chief Louis
        // Graham").
        if organisation.is_none() && before_name && concept == role {
            let named_by = rs;
            while rs > 0 && !in_other_mention(rs - 1) && capitalised_modifier(&t[rs - 1]) {
                rs -= 1;
            }
            // (As written: "Grand Ayatollah", "Police Chief", "Gravity CEO"; a word capitalised
            // only as the sentence's first is not: "former judge".)
            if rs < named_by {
                concept = text_of(document, &t[rs..re]);
                if rs == 0 && t[0].upos != Upos::Propn {
                    let rest = concept.split_at(t[0].form.len()).1;
                    concept = format!("{}{rest}", lower(&t[0]));
                }
            }
        }
        // A role relative to another person is none in an organisation: "her Chinese
        // counterpart Wang Yi" is China's foreign minister, not its counterpart.
        if matches!(
            role.rsplit(' ').next(),
            Some("counterpart" | "successor" | "predecessor")
        ) {
            continue;
        }
        let mut role = role;
        let organisation = organisation.or_else(|| {
            let implied = implied_organisation(document, mentions, person, &role, &out)?;
            // The capitalised words before an office are its portfolio once the country is
            // known: "Mining Minister" is Bolivia's mining minister.
            let government = role
                .rsplit(' ')
                .next()
                .is_some_and(|w| GOVERNMENT_OFFICES.contains(&w));
            if government && concept.to_lowercase().ends_with(&role) {
                role = concept.to_lowercase();
            }
            Some(implied)
        });
        out.push(RoleFact {
            person,
            role,
            concept,
            span: (rs, re),
            organisation,
        });
    }
    out
}

/// `statements` and the role statements of `roles`, each person and organisation named by
/// `names` (see the module documentation). A role statement the extractor already made in the
/// same sentence is not made again, and none is vacuous ("X leader of X").
pub fn add_statements(
    document: &Document,
    mentions: &Mentions,
    roles: &[RoleFact],
    names: &EntityNames,
    mut statements: Vec<Statement>,
) -> Vec<Statement> {
    if roles.is_empty() {
        return statements;
    }
    // The statements are keyed once: comparing each fact with every statement was quadratic in a
    // document.
    let mut stated: std::collections::HashSet<RoleKey> = statements.iter().map(role_key).collect();
    let mut offsets = document.char_offsets();
    for fact in roles {
        let statement = role_statement(document, &mentions[fact.person], fact, names, &mut offsets);
        if is_vacuous(&statement) || !stated.insert(role_key(&statement)) {
            continue;
        }
        statements.push(statement);
    }
    statements
}

/// "X be X", "X leader of X": what a misread name or apposition gives, never a fact.
pub(crate) fn is_vacuous(s: &Statement) -> bool {
    s.object.as_ref().is_some_and(|o| {
        names::key(&o.text) == names::key(&s.subject.text)
            && (s.relation.lemma == "be" || s.relation.lemma.ends_with(" of"))
    })
}

/// What makes two statements the same role fact: sentence, relation, and the folded names of
/// subject and object.
type RoleKey = (usize, String, String, Option<String>);

fn role_key(s: &Statement) -> RoleKey {
    (
        s.provenance.sentence_index,
        s.relation.lemma.clone(),
        names::key(&s.subject.text),
        s.object.as_ref().map(|o| names::key(&o.text)),
    )
}

/// The statement of one role of the person mentioned by `m`.
fn role_statement(
    document: &Document,
    m: &NameMention,
    fact: &RoleFact,
    names: &EntityNames,
    offsets: &mut CharOffsets<'_>,
) -> Statement {
    let t = &document.sentences[m.sentence].tokens;
    let subject = Argument {
        text: names.of(fact.person).0.to_owned(),
        full_text: text_of(document, &t[m.start..m.end]),
        kind: ArgumentKind::Entity(EntityType::Person),
        span: (m.start, m.end),
        alias: None,
    };
    let (rs, re) = fact.span;
    let (relation, object) = match &fact.organisation {
        Some(org) => {
            let (name, kind) = org.named(names);
            let kind = match org {
                Organisation::Concept(_) => ArgumentKind::Concept,
                _ => ArgumentKind::Entity(kind),
            };
            (
                format!("{} of", fact.role),
                Argument {
                    text: name.to_owned(),
                    full_text: name.to_owned(),
                    kind,
                    span: fact.span,
                    alias: None,
                },
            )
        }
        // Without an organisation the role is the person's job title, a value, not a node:
        // a concept "minister" would join every minister in the graph and clutter it.
        None => (
            "be".to_owned(),
            Argument {
                text: fact.concept.clone(),
                full_text: text_of(document, &t[rs..re]),
                kind: ArgumentKind::Literal(Literal::Text),
                span: fact.span,
                alias: None,
            },
        ),
    };
    Statement {
        confidence: 0.75,
        ..Statement::new(
            subject,
            Relation::new(relation.clone(), relation),
            Some(object),
            Provenance::of_sentence(document, m.sentence, offsets),
        )
    }
}

/// How many mentions the country of an office the story names outright, or of its dateline,
/// counts for ([`implied_organisation`]).
const STORY_COUNTRY_WEIGHT: usize = 2;

/// Offices of a country's government: with no country named beside them, the story's
/// country ("Finance Minister Chikondi Banda" in a story about Malawi).
const GOVERNMENT_OFFICES: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "emperor",
];

/// Offices of a company or club: with no organisation named beside them, the organisation
/// the story names most ("chief executive Kenji Morimoto", "coach Pavel Novák").
const COMPANY_OFFICES: &[&str] = &[
    "executive",
    "ceo",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "coach",
];

/// The organisation a role with none named beside it is a role in, as the story implies it
/// (a reader of "Finance Minister Chikondi Banda said …" in a story about Malawi knows whose
/// minister she is). For a government office a country, for a company or club office an
/// organisation: the last one named before the role in its sentence, else the one the story
/// names most often (a country's cities count for it) if it is named at least twice as often
/// as any other: a story about one country quotes foreign officials too. For a government
/// office the country of an office named outright earlier (`earlier`: "Nigeria's finance
/// minister" before "Health Minister Ngozi Okafor") and the dateline's country count
/// [`STORY_COUNTRY_WEIGHT`] mentions more, and the dateline's country needs only a majority.
/// Nothing when the role says whose it is in other words ("opposition leader", "club
/// president").
fn implied_organisation(
    document: &Document,
    mentions: &Mentions,
    person: usize,
    role: &str,
    earlier: &[RoleFact],
) -> Option<Organisation> {
    let mut words = role.split(' ');
    let last = words.next_back()?;
    let qualified = words.any(|w| !ROLE_MODIFIERS.contains(&w) && !w.ends_with("-"));
    if role == "governor" {
        return region_of_the_story(document, mentions);
    }
    let government = GOVERNMENT_OFFICES.contains(&last);
    let company = COMPANY_OFFICES.contains(&last);
    if !(government || company) || (government && qualified && !role.ends_with("minister")) {
        return None;
    }
    let g = gazetteer();
    // A chief executive, founder or owner is a business's (a coach a club's): not a ministry's
    // or an agency's.
    let business = company && last != "coach";
    let public_body = |name: &str| {
        crate::mentions::INSTITUTION_HEADS.contains(&crate::mentions::name_head(name).as_str())
    };
    let holder = &mentions[person];
    let upto = holder.sentence;
    // The last country or organisation named before the role in its sentence: "a Chinese
    // delegation led by Vice Premier Liu Guozhong", "will travel to Russia for a meeting with
    // President Vladimir Putin".
    let mut nearest = None;
    // Each candidate by a key (a country's ISO code: its cities count for it; an
    // organisation's folded name), with its count and the mention that names it: a country's
    // own name rather than its adjective, never one of its cities.
    let mut counts: Vec<(String, usize, Option<usize>)> = Vec::new();
    let last = mentions
        .as_slice()
        .last()
        .map_or(upto, |m| m.sentence.max(upto));
    for i in mentions.indices_in(0, last) {
        let m = &mentions[i];
        let candidate = if government && m.kind == EntityType::Place {
            let written: Vec<&str> = m.name.split(' ').collect();
            if m.demonym {
                g.demonym(&written).map(|d| (d.code.to_owned(), true))
            } else {
                g.place(&written)
                    .filter(|p| p.kind != PlaceKind::Continent)
                    .map(|p| (p.country.to_owned(), p.kind == PlaceKind::Country))
            }
        } else if company
            && m.kind == EntityType::Organization
            && !(business && public_body(&m.name))
        {
            // By its first word: "Hoshida" is "Hoshida Motors" written short (not when the
            // first word is a kind of body: "Bank of Ghana", "Bank of England").
            let first = names::words(&m.name).into_iter().next().unwrap_or_default();
            let kind_first =
                first == "bank" || crate::mentions::INSTITUTION_HEADS.contains(&first.as_str());
            Some((
                if kind_first {
                    names::key(&m.name)
                } else {
                    first
                },
                true,
            ))
        } else {
            None
        };
        let Some((key, names_it)) = candidate else {
            continue;
        };
        let named = names_it.then_some(i);
        if m.sentence == upto && m.end <= holder.start && names_it {
            nearest = Some(i);
        }
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(c) => {
                c.1 += 1;
                // A country's own name rather than its adjective; an organisation's longest
                // name.
                let longer = c.2.is_some_and(|j| {
                    m.kind == EntityType::Organization
                        && m.end - m.start > mentions[j].end - mentions[j].start
                });
                if c.2.is_none_or(|j| mentions[j].demonym && !m.demonym) || longer {
                    c.2 = named.or(c.2);
                }
            }
            None => counts.push((key, 1, named)),
        }
    }
    if let Some(i) = nearest {
        return Some(Organisation::Mention(i));
    }
    if government {
        // The story's own country counts more than a passing mention: the country of an
        // office it names outright ("Nigeria's finance minister, Chidi Okafor", then "Health
        // Minister Ngozi Okafor") and the dateline's ("ANTANANARIVO, Dec 31 (Wire) - …").
        let country_of = |m: &NameMention| {
            let written: Vec<&str> = m.name.split(' ').collect();
            g.place(&written)
                .filter(|p| p.kind == PlaceKind::Country)
                .map(|p| p.country.to_owned())
        };
        let offices = earlier.iter().filter_map(|f| match f.organisation {
            Some(Organisation::Mention(j))
                if f.role
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| GOVERNMENT_OFFICES.contains(&w)) =>
            {
                country_of(&mentions[j])
            }
            _ => None,
        });
        let dateline = document
            .dateline
            .as_ref()
            .and_then(|d| d.place.as_ref())
            .and_then(|p| {
                let written: Vec<&str> = p.name.split(' ').collect();
                g.place(&written).map(|p| p.country.to_owned())
            });
        for code in offices.chain(dateline.clone()) {
            if let Some(c) = counts.iter_mut().find(|(k, _, _)| *k == code) {
                c.1 += STORY_COUNTRY_WEIGHT;
            }
        }
        // A story filed from a country is about its government unless the story names
        // another country more often: there, a plain majority is enough.
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        if let [(code, best, Some(first)), rest @ ..] = &counts[..] {
            let runner_up = rest.first().map_or(0, |c| c.1);
            if dateline.as_ref() == Some(code) && *best > runner_up {
                return Some(Organisation::Mention(*first));
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let (_, best, first) = counts.first()?;
    let runner_up = counts.get(1).map_or(0, |c| c.1);
    // (A company office in the one business the story names, however often: a coach of the
    // only club. A country needs two mentions: a story names foreign officials' countries once.)
    let least = if company { 1 } else { 2 };
    (*best >= (2 * runner_up).max(least))
        .then_some(*first)
        .flatten()
        .map(Organisation::Mention)
}

/// Words that make the place named before them a region with a governor: "Cabo Delgado
/// province", "Borno state".
const REGION_WORDS: &[&str] = &[
    "province",
    "state",
    "region",
    "governorate",
    "prefecture",
    "oblast",
    "county",
];

/// The region a governor with none named beside him governs: the one region the story names
/// as one ("a town in Cabo Delgado province" before "Governor Helena Cossa"), by its mentions
/// written with a region word. Nothing when the story names two.
fn region_of_the_story(document: &Document, mentions: &Mentions) -> Option<Organisation> {
    let mut found: Option<(String, usize)> = None;
    for (i, m) in mentions.as_slice().iter().enumerate() {
        if m.kind != EntityType::Place || m.demonym {
            continue;
        }
        let t = &document.sentences[m.sentence].tokens;
        let within = t[m.end - 1].form.to_lowercase();
        let after = t
            .get(m.end)
            .map(|x| x.form.to_lowercase())
            .unwrap_or_default();
        if !(REGION_WORDS.contains(&within.as_str()) || REGION_WORDS.contains(&after.as_str())) {
            continue;
        }
        let key = names::key(&m.name);
        match &found {
            Some((k, _)) if *k != key => return None,
            Some(_) => {}
            None => found = Some((key, i)),
        }
    }
    found.map(|(_, i)| Organisation::Mention(i))
}

/// A hyphen inside a role ("Vice-Premier").
/// A capitalised adjective or proper noun that is no title: "Soviet", "Ericsson".
fn capitalised_modifier(t: &Token) -> bool {
    matches!(t.upos, Upos::Adj | Upos::Propn)
        && t.form.chars().next().is_some_and(char::is_uppercase)
        && !gazetteer().is_title(&t.form)
}

/// Whether a word is a known first or last name.
fn g_person_name(t: &Token) -> bool {
    gazetteer().is_person_name(&t.form)
}

fn joins(t: &[Token], i: usize) -> bool {
    t[i].form == "-" && i > 0 && !t[i - 1].space_after
}

fn is_title_end(t: &Token) -> bool {
    let w = title_word(t);
    gazetteer().is_title(&t.form) && !HONORIFICS.contains(&w.as_str())
}

fn role_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter(|t| t.form != "-")
        .map(title_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The organisation or country named right before a role (possibly with a possessive):
/// "North Korean [leader]", "South Korea's [spokesperson]".
fn organisation_before(
    document: &Document,
    mentions: &Mentions,
    si: usize,
    at: usize,
) -> Option<Organisation> {
    let t = &document.sentences[si].tokens;
    let mut end = at;
    if end > 0 && t[end - 1].xpos == Xpos::Pos {
        end -= 1;
    }
    mentions
        .indices_in(si, si)
        .find(|&i| {
            let m = &mentions[i];
            // (A name the recogniser typed as a person's, without a first name, is taken for
            // an organisation's: "Sahel Microfinance founder Efua Mensah".)
            let person = m.kind == EntityType::Person && g_person_name(&t[m.start]);
            m.sentence == si && m.end == end && !person
        })
        .map(Organisation::Mention)
}

/// Where a gazetteer title of several words that ends right before `end` starts ("chief
/// executive", whose last word is no title alone).
fn long_title_ending_at(t: &[Token], end: usize) -> Option<usize> {
    let g = gazetteer();
    (end.saturating_sub(4)..end.saturating_sub(1)).find(|&j| g.title_at(t, j) == Some(end))
}

/// Whether name `m` is set off after a comma, with at least three words before it, and closes
/// the apposition: a comma, a full stop or a closing bracket after it, or the sentence's end.
fn closes_apposition(t: &[Token], m: &NameMention) -> bool {
    m.start >= 4
        && t[m.start - 1].form == ","
        && matches!(
            t.get(m.end).map(|x| x.form.as_str()),
            Some("," | "." | ")") | None
        )
}

/// The first token of the title that ends right before token `re` (the role words and the
/// words that join them, back from `re`), when there is one and it ends in a title word. (A
/// title of several words may end in a word that is none alone: "chief executive".)
fn title_start(t: &[Token], re: usize, is_role_word: &dyn Fn(&Token) -> bool) -> Option<usize> {
    let long_title = long_title_ending_at(t, re);
    let mut rs = long_title.unwrap_or(re);
    while rs > 0 && (is_role_word(&t[rs - 1]) || joins(t, rs - 1)) {
        rs -= 1;
    }
    (rs != re && (long_title.is_some() || is_title_end(&t[re - 1]))).then_some(rs)
}

/// "the prime minister of Norway, Jonas Berg,": a role of a named organisation or place set off
/// before the name; the name must close the apposition (a comma, a full stop or a closing
/// bracket after it).
fn role_of_before(
    document: &Document,
    mentions: &Mentions,
    m: &NameMention,
    is_role_word: &dyn Fn(&Token) -> bool,
) -> Option<RoleSpan> {
    let t = &document.sentences[m.sentence].tokens;
    if !closes_apposition(t, m) {
        return None;
    }
    let org_index = mentions.indices_in(m.sentence, m.sentence).find(|&i| {
        let o = &mentions[i];
        o.sentence == m.sentence && o.end == m.start - 1 && o.kind != EntityType::Person
    })?;
    let org = &mentions[org_index];
    if org.start < 2 || lower(&t[org.start - 1]) != "of" {
        return None;
    }
    let re = org.start - 1;
    let rs = title_start(t, re, is_role_word)?;
    Some((rs, re, Some(Organisation::Mention(org_index))))
}

/// "Kazakhstan's foreign minister, Dauren Abenov,": a role of a named organisation or place
/// that owns it, set off before the name; the name must close the apposition.
fn owned_role_before(
    document: &Document,
    mentions: &Mentions,
    m: &NameMention,
    is_role_word: &dyn Fn(&Token) -> bool,
) -> Option<RoleSpan> {
    let t = &document.sentences[m.sentence].tokens;
    if !closes_apposition(t, m) {
        return None;
    }
    let re = m.start - 1;
    let title = title_start(t, re, is_role_word)?;
    // "his Uzbek counterpart, Nodira Rakhimova,": the counterpart's nationality (see `find`).
    if lower(&t[title]) == "counterpart" {
        return mentions
            .indices_in(m.sentence, m.sentence)
            .find(|&i| {
                let d = &mentions[i];
                d.demonym && d.end == title && d.start > 0 && t[d.start - 1].xpos == Xpos::PrpDollar
            })
            .map(|i| (mentions[i].start, re, Some(Organisation::Mention(i))));
    }
    let mut rs = title;
    // A portfolio of up to two words before the title: "Nigeria's health minister".
    while rs > 2
        && title - rs < 2
        && matches!(t[rs - 1].xpos, Xpos::Nn | Xpos::Jj)
        && t[rs - 1].form.chars().all(|c| c.is_lowercase() || c == '-')
    {
        rs -= 1;
    }
    if rs < 2 || t[rs - 1].xpos != Xpos::Pos {
        return None;
    }
    // "the country's health minister, Ngozi Okafor,": the country the story implies
    // ([`implied_organisation`]).
    if matches!(lower(&t[rs - 2]).as_str(), "country" | "nation") {
        return Some((rs, re, None));
    }
    let owner = organisation_before(document, mentions, m.sentence, rs)?;
    Some((rs, re, Some(owner)))
}

/// "Lim Soo-suk, South Korea's Foreign Ministry spokesperson": the role's tokens and the
/// organisation (the last organisation in the phrase, else its country).
fn apposition(document: &Document, mentions: &Mentions, m: &NameMention) -> Option<RoleSpan> {
    let t = &document.sentences[m.sentence].tokens;
    if t.get(m.end)?.form != "," {
        return None;
    }
    let start = m.end + 1;
    let mut end = start;
    while end < t.len() && !matches!(t[end].form.as_str(), "," | "." | ";" | ")" | ":") {
        if matches!(t[end].upos, Upos::Verb | Upos::Aux) || end - start > 10 {
            return None;
        }
        end += 1;
    }
    if end == start || !is_title_end(&t[end - 1]) {
        return None;
    }
    let mut rs = end - 1;
    let g = gazetteer();
    while rs > start && {
        let w = title_word(&t[rs - 1]);
        (g.is_title(&t[rs - 1].form) || ROLE_MODIFIERS.contains(&w.as_str()))
            && !mentions
                .in_sentences(m.sentence, m.sentence)
                .iter()
                .any(|o| o.sentence == m.sentence && o.start < rs && rs - 1 < o.end)
    } {
        rs -= 1;
    }
    let inside: Vec<usize> = mentions
        .indices_in(m.sentence, m.sentence)
        .filter(|&i| {
            let o = &mentions[i];
            o.sentence == m.sentence && o.start >= start && o.end <= rs
        })
        .collect();
    let last_of = |kind: EntityType| inside.iter().rev().find(|&&i| mentions[i].kind == kind);
    let org = last_of(EntityType::Organization)
        .or_else(|| last_of(EntityType::Place))
        .map(|&i| Organisation::Mention(i));
    // Only the organisation (a recognised name, or a run of capitalised words the recogniser
    // missed: "Finance Ministry"), determiners and possessives may precede the role.
    let mut i = start;
    let mut unrecognised: Option<(usize, usize)> = None;
    while i < rs {
        if let Some(&o) = inside.iter().find(|&&o| mentions[o].start == i) {
            i = mentions[o].end;
        } else if matches!(t[i].upos, Upos::Det) || t[i].xpos == Xpos::Pos {
            i += 1;
        } else if t[i].form.chars().next().is_some_and(char::is_uppercase)
            && matches!(t[i].upos, Upos::Propn | Upos::Noun | Upos::Adj)
        {
            let run = unrecognised.get_or_insert((i, i));
            if run.1 == i {
                run.1 = i + 1;
            } else {
                *run = (i, i + 1);
            }
            i += 1;
        } else {
            return None;
        }
    }
    let org = match (unrecognised, org) {
        (Some((a, b)), org) if b == rs || org.is_none() => {
            Some(Organisation::Unrecognised(text_of(document, &t[a..b])))
        }
        (_, org) => org,
    };
    Some((rs, end, org))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clauses::test_doc as doc;
    use EntityType::{Other, Person as Per};

    /// (subject, relation, object, object is a concept or a value, not a name) of the role
    /// statements.
    fn roles_of(
        mut d: Document,
        demonym: Option<(usize, &str)>,
    ) -> Vec<(String, String, String, bool)> {
        if let Some((at, country)) = demonym {
            let m = d.sentences[0]
                .mentions
                .iter_mut()
                .find(|m| m.start == at)
                .unwrap();
            m.refers_to = Some(country.to_owned());
        }
        let mentions = Mentions::of(&d);
        let facts = find(&d, &mentions);
        let names = EntityNames::as_written(&mentions);
        add_statements(&d, &mentions, &facts, &names, Vec::new())
            .into_iter()
            .map(|s| {
                let o = s.object.unwrap();
                (
                    s.subject.text,
                    s.relation.lemma,
                    o.text,
                    matches!(o.kind, ArgumentKind::Concept | ArgumentKind::Literal(_)),
                )
            })
            .collect()
    }

    #[test]
    fn a_role_after_an_organisation_noun_is_a_role_in_it() {
        let d = doc(
            "police/NOUN/NN/police/2/compound spokesman/NOUN/NN/spokesman/3/compound \
             Orlando/PROPN/NNP/Orlando/5/nsubj Nhantumbo/PROPN/NNP/Nhantumbo/3/flat \
             said/VERB/VBD/say/0/root",
            &[(2, 4, Per)],
        );
        let want = (
            "Orlando Nhantumbo".into(),
            "spokesman of".into(),
            "police".into(),
            true,
        );
        assert_eq!(roles_of(d, None), vec![want]);
    }

    #[test]
    fn a_nationality_before_a_role_that_is_no_office_describes_the_person() {
        let tree = "Georgian/ADJ/JJ/georgian/2/amod director/NOUN/NN/director/3/compound \
             Nino/PROPN/NNP/Nino/5/nsubj Beridze/PROPN/NNP/Beridze/3/flat won/VERB/VBD/win/0/root";
        let d = doc(tree, &[(0, 1, Other), (2, 4, Per)]);
        let want = (
            "Nino Beridze".into(),
            "be".into(),
            "Georgian director".into(),
            true,
        );
        assert_eq!(roles_of(d, Some((0, "Georgia"))), vec![want]);
        // An office of a country stays one: "Kenyan president X" is Kenya's president.
        let tree = tree.replace("director/NOUN/NN/director", "president/NOUN/NN/president");
        let d = doc(
            &tree.replace("Georgian", "Kenyan"),
            &[(0, 1, Other), (2, 4, Per)],
        );
        let want = (
            "Nino Beridze".into(),
            "president of".into(),
            "Kenya".into(),
            false,
        );
        assert_eq!(roles_of(d, Some((0, "Kenya"))), vec![want]);
    }

    #[test]
    fn an_office_with_no_country_beside_it_is_the_one_named_before_it() {
        let d = doc(
            "In/ADP/IN/in/2/case Malawi/PROPN/NNP/Malawi/7/obl ,/PUNCT/,/,/2/punct \
             Finance/PROPN/NNP/Finance/5/compound Minister/PROPN/NNP/Minister/6/compound \
             Chikondi/PROPN/NNP/Chikondi/7/nsubj Banda/PROPN/NNP/Banda/6/flat \
             spoke/VERB/VBD/speak/0/root",
            &[(1, 2, EntityType::Place), (5, 7, Per)],
        );
        let want = (
            "Chikondi Banda".into(),
            "finance minister of".into(),
            "Malawi".into(),
            false,
        );
        assert_eq!(roles_of(d, None), vec![want]);
        // No country named: the office stays a job title.
        let d = doc(
            "Finance/PROPN/NNP/Finance/2/compound Minister/PROPN/NNP/Minister/3/compound \
             Chikondi/PROPN/NNP/Chikondi/5/nsubj Banda/PROPN/NNP/Banda/3/flat \
             spoke/VERB/VBD/speak/0/root",
            &[(2, 4, Per)],
        );
        let mentions = Mentions::of(&d);
        let facts = find(&d, &mentions);
        let names = EntityNames::as_written(&mentions);
        let stated = add_statements(&d, &mentions, &facts, &names, Vec::new());
        assert!(!stated.is_empty());
        assert!(stated.iter().all(|s| s.relation.lemma == "be"
            && s.object.as_ref().unwrap().kind == ArgumentKind::Literal(Literal::Text)));
    }

    #[test]
    fn a_company_office_is_in_the_company_the_story_names_not_a_public_body() {
        // The company named later in the story, by its short form too ("Hoshida").
        let tree = "Chief/ADJ/JJ/chief/2/amod executive/NOUN/NN/executive/3/compound \
             Kenji/PROPN/NNP/Kenji/5/nsubj Morimoto/PROPN/NNP/Morimoto/3/flat \
             said/VERB/VBD/say/0/root Hoshida/PROPN/NNP/Hoshida/7/compound \
             Motors/PROPN/NNP/Motors/9/nsubj and/CCONJ/CC/and/8/cc \
             Hoshida/PROPN/NNP/Hoshida/7/conj grew/VERB/VBD/grow/5/ccomp";
        let d = doc(
            tree,
            &[
                (2, 4, Per),
                (5, 7, EntityType::Organization),
                (8, 9, EntityType::Organization),
            ],
        );
        let want = (
            "Kenji Morimoto".into(),
            "chief executive of".into(),
            "Hoshida Motors".into(),
            false,
        );
        assert_eq!(roles_of(d, None), vec![want]);
        // A chief executive is no agency's.
        let tree = tree
            .replace(
                "Hoshida/PROPN/NNP/Hoshida/7/compound",
                "Cyber/PROPN/NNP/Cyber/7/compound",
            )
            .replace("Motors/PROPN/NNP/Motors", "Agency/PROPN/NNP/Agency")
            .replace(
                "Hoshida/PROPN/NNP/Hoshida/7/conj",
                "Agency/PROPN/NNP/Agency/7/conj",
            );
        let d = doc(
            &tree,
            &[
                (2, 4, Per),
                (5, 7, EntityType::Organization),
                (8, 9, EntityType::Organization),
            ],
        );
        assert!(roles_of(d, None).iter().all(|r| r.1 == "be"));
    }

    #[test]
    fn an_office_with_no_country_is_the_datelines_country_or_the_one_of_an_office_named() {
        // Madagascar and Thailand each named once, neither before the minister: no country,
        // unless the story is filed from Antananarivo.
        let tree = "Environment/PROPN/NNP/Environment/2/compound \
             Minister/PROPN/NNP/Minister/3/compound Fanja/PROPN/NNP/Fanja/5/nsubj \
             Rakoto/PROPN/NNP/Rakoto/3/flat asked/VERB/VBD/ask/0/root \
             Thailand/PROPN/NNP/Thailand/5/obj and/CCONJ/CC/and/8/cc \
             Madagascar/PROPN/NNP/Madagascar/6/conj";
        let mentions = [
            (2, 4, Per),
            (5, 6, EntityType::Place),
            (7, 8, EntityType::Place),
        ];
        assert!(roles_of(doc(tree, &mentions), None)
            .iter()
            .all(|r| r.1 == "be"));
        let mut d = doc(tree, &mentions);
        d.dateline = Some(Box::new(crate::doc::Dateline {
            start: 0,
            end: 0,
            place: Some(crate::doc::DatelinePlace {
                start: 0,
                end: 0,
                name: "Antananarivo".into(),
                external_id: None,
            }),
            date: None,
            agency: None,
        }));
        let want = (
            "Fanja Rakoto".into(),
            "environment minister of".into(),
            "Madagascar".into(),
            false,
        );
        assert_eq!(roles_of(d, None), vec![want]);

        // A minister of Madagascar named outright earlier in the story does the same, though
        // the story names Thailand as often.
        let mut d = doc(
            "Madagascar/PROPN/NNP/Madagascar/4/nmod:poss 's/PART/POS/'s/1/case \
             finance/NOUN/NN/finance/4/compound minister/NOUN/NN/minister/7/nsubj \
             Hery/PROPN/NNP/Hery/4/appos Rabe/PROPN/NNP/Rabe/5/flat \
             thanked/VERB/VBD/thank/0/root Thailand/PROPN/NNP/Thailand/7/obj",
            &[
                (0, 1, EntityType::Place),
                (4, 6, Per),
                (7, 8, EntityType::Place),
            ],
        );
        let mut second = doc(tree, &mentions).sentences.remove(0);
        let shift = d.text.len() + 1;
        for t in &mut second.tokens {
            t.start += shift;
            t.end += shift;
        }
        second.start += shift;
        second.end += shift;
        d.text = format!("{} {}", d.text, kg_model::notation::text(tree));
        d.sentences.push(second);
        let roles = roles_of(d, None);
        assert!(roles.contains(&(
            "Fanja Rakoto".into(),
            "environment minister of".into(),
            "Madagascar".into(),
            false
        )));
    }

    #[test]
    fn a_governor_with_no_region_beside_him_governs_the_region_the_story_names() {
        // "Governor Ana Lima visited Lucunga , a town in Niassa province ."
        let tree = "Governor/PROPN/NNP/Governor/2/compound Ana/PROPN/NNP/Ana/4/nsubj \
             Lima/PROPN/NNP/Lima/2/flat visited/VERB/VBD/visit/0/root \
             Lucunga/PROPN/NNP/Lucunga/4/obj ,/PUNCT/,/,/8/punct a/DET/DT/a/8/det \
             town/NOUN/NN/town/5/appos in/ADP/IN/in/11/case Niassa/PROPN/NNP/Niassa/11/compound \
             province/NOUN/NN/province/8/nmod ./PUNCT/././4/punct";
        let mentions = [
            (1, 3, Per),
            (4, 5, EntityType::Place),
            (9, 10, EntityType::Place),
        ];
        let want = (
            "Ana Lima".into(),
            "governor of".into(),
            "Niassa".into(),
            false,
        );
        assert_eq!(roles_of(doc(tree, &mentions), None), vec![want]);
        // Two regions named: no telling which.
        let two = tree
            .replace(
                "Lucunga/PROPN/NNP/Lucunga/4/obj",
                "Nampula/PROPN/NNP/Nampula/4/obj",
            )
            .replace(",/PUNCT/,/,/8/punct", "state/NOUN/NN/state/5/flat");
        let roles = roles_of(doc(&two, &mentions), None);
        assert!(roles.iter().all(|r| r.1 == "be"), "{roles:?}");
    }

    #[test]
    fn a_company_office_is_in_the_one_business_the_story_names_once() {
        let d = doc(
            "youth/NOUN/NN/youth/3/compound team/NOUN/NN/team/3/compound \
             coach/NOUN/NN/coach/4/compound Nuno/PROPN/NNP/Nuno/6/nsubj \
             Barreiros/PROPN/NNP/Barreiros/4/flat joined/VERB/VBD/join/0/root \
             Mondego/PROPN/NNP/Mondego/8/compound FC/PROPN/NNP/FC/6/obj",
            &[(3, 5, Per), (6, 8, EntityType::Organization)],
        );
        let roles = roles_of(d, None);
        assert!(
            roles
                .iter()
                .any(|r| r.1.ends_with("coach of") && r.2 == "Mondego FC"),
            "{roles:?}"
        );
    }

    #[test]
    fn a_counterpart_holds_the_same_office_in_the_country_of_the_nationality() {
        // "Kazakhstan 's foreign minister , Dauren Abenov , and his Uzbek counterpart , Nodira
        // Rakhimova , signed"
        let d = doc(
            "Kazakhstan/PROPN/NNP/Kazakhstan/4/nmod:poss 's/PART/POS/'s/1/case \
             foreign/ADJ/JJ/foreign/4/amod minister/NOUN/NN/minister/18/nsubj ,/PUNCT/,/,/7/punct \
             Dauren/PROPN/NNP/Dauren/7/compound Abenov/PROPN/NNP/Abenov/4/appos ,/PUNCT/,/,/4/punct \
             and/CCONJ/CC/and/12/cc his/PRON/PRP$/his/12/nmod:poss Uzbek/ADJ/JJ/Uzbek/12/amod \
             counterpart/NOUN/NN/counterpart/4/conj ,/PUNCT/,/,/15/punct \
             Nodira/PROPN/NNP/Nodira/15/compound Rakhimova/PROPN/NNP/Rakhimova/12/appos \
             ,/PUNCT/,/,/12/punct x/X/FW/x/18/dep signed/VERB/VBD/sign/0/root",
            &[(0, 1, EntityType::Place), (5, 7, Per), (10, 11, Other), (13, 15, Per)],
        );
        let roles = roles_of(d, Some((10, "Uzbekistan")));
        assert!(
            roles.contains(&(
                "Nodira Rakhimova".into(),
                "foreign minister of".into(),
                "Uzbekistan".into(),
                false
            )),
            "{roles:?}"
        );
    }

    #[test]
    fn the_countrys_portfolio_minister_is_the_story_countrys() {
        let d = doc(
            "Nigeria/PROPN/NNP/Nigeria/2/nsubj said/VERB/VBD/say/0/root the/DET/DT/the/4/det \
             country/NOUN/NN/country/7/nmod:poss 's/PART/POS/'s/4/case \
             health/NOUN/NN/health/7/compound minister/NOUN/NN/minister/2/obj ,/PUNCT/,/,/9/punct \
             Ngozi/PROPN/NNP/Ngozi/7/appos Okafor/PROPN/NNP/Okafor/9/flat ./PUNCT/././2/punct",
            &[(0, 1, EntityType::Place), (8, 10, Per)],
        );
        let want = (
            "Ngozi Okafor".into(),
            "health minister of".into(),
            "Nigeria".into(),
            false,
        );
        assert_eq!(roles_of(d, None), vec![want]);
    }

    #[test]
    fn a_role_owned_by_a_country_set_off_before_the_name_is_a_role_in_it() {
        let d = doc(
            "Kazakhstan/PROPN/NNP/Kazakhstan/4/nmod:poss 's/PART/POS/'s/1/case \
             foreign/ADJ/JJ/foreign/4/amod minister/NOUN/NN/minister/9/nsubj ,/PUNCT/,/,/6/punct \
             Dauren/PROPN/NNP/Dauren/7/compound Abenov/PROPN/NNP/Abenov/4/conj \
             ,/PUNCT/,/,/4/punct signed/VERB/VBD/sign/0/root",
            &[(0, 1, EntityType::Place), (5, 7, Per)],
        );
        let want = (
            "Dauren Abenov".into(),
            "foreign minister of".into(),
            "Kazakhstan".into(),
            false,
        );
        assert_eq!(roles_of(d, None), vec![want]);
    }

    #[test]
    fn a_name_typed_as_a_persons_without_a_known_name_can_hold_the_role() {
        let d = doc(
            "Sahel/PROPN/NNP/Sahel/2/compound Microfinance/PROPN/NNP/Microfinance/3/compound \
             founder/NOUN/NN/founder/4/compound Efua/PROPN/NNP/Efua/6/nsubj \
             Mensah/PROPN/NNP/Mensah/4/flat said/VERB/VBD/say/0/root",
            &[(0, 2, Per), (3, 5, Per)],
        );
        let want = (
            "Efua Mensah".into(),
            "founder of".into(),
            "Sahel Microfinance".into(),
            false,
        );
        assert_eq!(roles_of(d, None), vec![want]);
    }
}
