//! Cross-document entity resolution: which canonical entity a document's name lands on.
//!
//! Each document records, per entity, the name it used (`kg:observedName`, after the extractor's
//! within-document coreference: its fullest name for the entity). The canonical name of a
//! document's entity is a function of that name, the set of all names of the store and the alias
//! registry ([`Resolver::canonical`]):
//!
//! 1. a name listed in the registry (as canonical name or alias) is the registry's canonical name;
//! 2. a short name ("Putin", "KCNA") becomes the one full name of the store it is a short form of
//!    (by [`kg_model::names`]: a person's first or last word, an organisation's initials, a
//!    place's name without its head word — "Vostochny" for "Vostochny Cosmodrome", unless the
//!    gazetteer knows the short name as a place of its own), when exactly one fits and the
//!    registry does not forbid the pair (never-merge) — or, when several fit, the one named in
//!    at least five document entities and four times as many as the others together (a lone
//!    "Kim" in a dump full of Kim Jong Un and with one Kim Tok Hun);
//! 3. anything else is its own canonical name.
//!
//! The entity's IRI is minted from the canonical name. At every commit, [`reconcile`] recomputes
//! the canonical name of every document entity from the final set of names and moves the ones
//! whose IRI changed, so the graph is the same whatever order documents and dumps arrived in: a
//! later dump's "Vladimir Putin" pulls an earlier dump's lone "Putin" onto its node, and a later
//! "Kim Tok Hun" makes a lone "Kim" ambiguous again. Name matching itself lives in
//! `kg_model::names` (language stays out of this crate).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use kg_model::names::{self, ShortKey};
use kg_model::EntityType;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, Quad, Term, TermRef,
};
use oxigraph::store::{StorageError, Transaction};

use crate::query::{count, select_in};
use crate::summary;
use crate::vocab::*;
use crate::GraphError;

/// One row of the alias registry (`data/aliases.csv`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegistryEntry {
    pub canonical: String,
    pub kind: Option<EntityType>,
    pub aliases: Vec<String>,
    /// Wikidata, GeoNames or any other IRI: written as `owl:sameAs`.
    pub external_id: Option<NamedNode>,
    /// Names that must never land on this entity.
    pub never_merge: Vec<String>,
}

/// The alias registry: user decisions that override automatic resolution.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    entries: Vec<RegistryEntry>,
    /// Entry by folded name (canonical names and aliases).
    by_key: HashMap<String, usize>,
    /// Folded name pairs, both orders.
    never: HashSet<(String, String)>,
}

impl Registry {
    /// Builds the registry. A name given for two entries keeps the first; `duplicates` lists the
    /// names that were ignored for that reason.
    pub fn new(entries: Vec<RegistryEntry>) -> (Registry, Vec<String>) {
        let mut r = Registry::default();
        let mut duplicates = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.canonical).chain(&e.aliases) {
                let key = names::key(name);
                if key.is_empty() {
                    continue;
                }
                match r.by_key.get(&key) {
                    Some(&j) if j != i => duplicates.push(name.clone()),
                    _ => {
                        r.by_key.insert(key, i);
                    }
                }
            }
            for other in &e.never_merge {
                let (a, b) = (names::key(&e.canonical), names::key(other));
                r.never.insert((a.clone(), b.clone()));
                r.never.insert((b, a));
            }
        }
        r.entries = entries;
        (r, duplicates)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What a build records of the registry it applied (`kg:entityResolution`): a build whose
    /// registry differs from the previous build's must re-resolve every document.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        if self.entries.is_empty() {
            return "registry: none".into();
        }
        let digest = Sha256::digest(format!("{:?}", self.entries).as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("registry sha256:{hex}, {} entries", self.entries.len())
    }

    pub fn entries(&self) -> &[RegistryEntry] {
        &self.entries
    }

    /// The entry naming `name` (canonical or alias), if any.
    pub fn lookup(&self, name: &str) -> Option<&RegistryEntry> {
        self.by_key
            .get(&names::key(name))
            .map(|&i| &self.entries[i])
    }

    /// The entry whose canonical name mints this IRI.
    pub fn entry_for(&self, iri: &NamedNode) -> Option<&RegistryEntry> {
        let local = iri.as_str().rsplit('/').next()?;
        self.entries.iter().find(|e| slug(&e.canonical) == local)
    }

    fn never_merge(&self, a: &str, b: &str) -> bool {
        !self.never.is_empty() && self.never.contains(&(names::key(a), names::key(b)))
    }
}

/// The full names of the store (and the batch), by the short keys that can point at them.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    /// Short key → full name key → (a spelling of the name, type votes).
    by_short: HashMap<ShortKey, BTreeMap<String, (String, [u32; 4])>>,
}

/// Every short key a full name can be referred to by, whatever its type turns out to be.
fn full_name_keys(name: &str) -> BTreeSet<ShortKey> {
    [
        Some(EntityType::Person),
        Some(EntityType::Organization),
        Some(EntityType::Place),
    ]
    .into_iter()
    .flat_map(|k| names::short_keys(name, k))
    .collect()
}

fn kind_index(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
        EntityType::Other => 3,
    }
}

const KINDS: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
    EntityType::Other,
];

impl NameIndex {
    /// Adds a full name seen with a type; one-word names are not indexed (nothing is a short
    /// form of them).
    pub fn add(&mut self, name: &str, kind: EntityType) {
        // Index under every short key any type would give; the type votes decide at look-up.
        let keys = full_name_keys(name);
        if keys.is_empty() {
            return;
        }
        let full = names::key(name);
        for k in keys {
            let entry = self
                .by_short
                .entry(k)
                .or_default()
                .entry(full.clone())
                .or_insert_with(|| (name.to_owned(), [0; 4]));
            entry.1[kind_index(kind)] += 1;
        }
    }

    /// The full names `key` is a short form of, with their type and how many observations
    /// (document entities) named them.
    fn candidates(&self, key: &ShortKey) -> Vec<(&str, EntityType, u32)> {
        let Some(names) = self.by_short.get(key) else {
            return Vec::new();
        };
        names
            .values()
            .map(|(name, votes)| {
                let best = votes.iter().copied().max().unwrap_or(0);
                let kind = KINDS
                    .into_iter()
                    .find(|k| votes[kind_index(*k)] == best)
                    .unwrap_or(EntityType::Other);
                (name.as_str(), kind, votes.iter().sum())
            })
            .filter(|(name, kind, _)| names::short_keys(name, Some(*kind)).contains(key))
            .collect()
    }
}

/// The registry and the known names: decides canonical names.
#[derive(Clone, Debug, Default)]
pub struct Resolver {
    pub registry: Registry,
    pub index: NameIndex,
}

impl Resolver {
    pub fn new(registry: Registry) -> Resolver {
        let mut index = NameIndex::default();
        for e in registry.entries() {
            index.add(&e.canonical, e.kind.unwrap_or(EntityType::Other));
        }
        Resolver { registry, index }
    }

    /// The canonical name of an entity a document called `name` (see the module documentation).
    pub fn canonical(&self, name: &str, kind: EntityType) -> String {
        if let Some(e) = self.registry.lookup(name) {
            return e.canonical.clone();
        }
        let Some(key) = names::lookup_key(name, Some(kind)) else {
            return name.to_owned();
        };
        if names::words(name).len() != 1 {
            return name.to_owned();
        }
        let own = names::key(name);
        let candidates: Vec<(&str, u32)> = self
            .index
            .candidates(&key)
            .into_iter()
            .filter(|(full, k, _)| {
                names::compatible(&key, Some(*k))
                    && names::key(full) != own
                    && !self.registry.never_merge(name, full)
            })
            .map(|(full, _, n)| (full, n))
            .collect();
        match dominant(&candidates) {
            Some(full) => self
                .registry
                .lookup(full)
                .map(|e| e.canonical.clone())
                .unwrap_or_else(|| (*full).to_owned()),
            None => name.to_owned(),
        }
    }
}

/// The one full name a short name stands for: the only candidate, or one named in at least
/// `DOMINANT_MIN` document entities and `DOMINANT_FACTOR` times as many as all the others
/// together (a lone "Kim" in a dump that names Kim Jong Un in 14 documents and Kim Tok Hun in
/// one is Kim Jong Un). Anything closer stays ambiguous.
fn dominant<'a>(candidates: &[(&'a str, u32)]) -> Option<&'a str> {
    match candidates {
        [] => None,
        [(full, _)] => Some(full),
        _ => {
            let (best, n) = candidates
                .iter()
                .max_by_key(|(full, n)| (*n, std::cmp::Reverse(*full)))?;
            let others: u32 = candidates.iter().map(|c| c.1).sum::<u32>() - n;
            (*n >= DOMINANT_MIN && *n >= DOMINANT_FACTOR * others).then_some(*best)
        }
    }
}

const DOMINANT_MIN: u32 = 5;
const DOMINANT_FACTOR: u32 = 4;

/// What one document observed of one entity.
struct Observed {
    names: Vec<String>,
    votes: [u32; 4],
}

fn kind_of_class(class: NamedNodeRef<'_>) -> Option<EntityType> {
    Some(match class {
        c if c == SCHEMA_PERSON => EntityType::Person,
        c if c == SCHEMA_ORGANIZATION => EntityType::Organization,
        c if c == SCHEMA_PLACE => EntityType::Place,
        c if c == KG_OTHER => EntityType::Other,
        _ => return None,
    })
}

/// What observations are read from: a transaction (seeing its own writes), or the store itself
/// (a snapshot, which waits for no transaction: opening a transaction while a batch holds one
/// would wait forever).
pub(crate) trait QuadSource {
    fn quads_with(
        &self,
        predicate: NamedNodeRef<'_>,
    ) -> Box<dyn Iterator<Item = Result<Quad, StorageError>> + '_>;
}

impl QuadSource for Transaction<'_> {
    fn quads_with(
        &self,
        predicate: NamedNodeRef<'_>,
    ) -> Box<dyn Iterator<Item = Result<Quad, StorageError>> + '_> {
        Box::new(self.quads_for_pattern(None, Some(predicate), None, None))
    }
}

impl QuadSource for oxigraph::store::Store {
    fn quads_with(
        &self,
        predicate: NamedNodeRef<'_>,
    ) -> Box<dyn Iterator<Item = Result<Quad, StorageError>> + '_> {
        Box::new(self.quads_for_pattern(None, Some(predicate), None, None))
    }
}

/// Every (document graph, entity) with the names and types the document observed.
fn observations(
    source: &impl QuadSource,
) -> Result<BTreeMap<(NamedNode, NamedNode), Observed>, StorageError> {
    let mut out: BTreeMap<(NamedNode, NamedNode), Observed> = BTreeMap::new();
    for quad in source.quads_with(KG_OBSERVED_NAME) {
        let quad = quad?;
        let (NamedOrBlankNode::NamedNode(e), Term::Literal(name), GraphName::NamedNode(g)) =
            (quad.subject, quad.object, quad.graph_name)
        else {
            continue;
        };
        out.entry((g, e))
            .or_insert_with(|| Observed {
                names: Vec::new(),
                votes: [0; 4],
            })
            .names
            .push(name.value().to_owned());
    }
    for quad in source.quads_with(KG_OBSERVED_TYPE) {
        let quad = quad?;
        let (NamedOrBlankNode::NamedNode(e), Term::NamedNode(class), GraphName::NamedNode(g)) =
            (quad.subject, quad.object, quad.graph_name)
        else {
            continue;
        };
        if let (Some(o), Some(kind)) = (out.get_mut(&(g, e)), kind_of_class(class.as_ref())) {
            o.votes[kind_index(kind)] += 1;
        }
    }
    Ok(out)
}

fn voted(votes: &[u32; 4]) -> EntityType {
    let best = votes.iter().copied().max().unwrap_or(0);
    KINDS
        .into_iter()
        .find(|k| votes[kind_index(*k)] == best)
        .unwrap_or(EntityType::Other)
}

/// Adds the names of every stored document to `resolver`'s index.
pub(crate) fn seed(source: &impl QuadSource, resolver: &mut Resolver) -> Result<(), StorageError> {
    for o in observations(source)?.values() {
        let kind = voted(&o.votes);
        for name in &o.names {
            resolver.index.add(name, kind);
        }
    }
    Ok(())
}

/// Recomputes every document entity's canonical IRI from the final set of names and moves those
/// that changed. Returns the entities whose records must be recomputed.
pub fn reconcile(
    transaction: &mut Transaction<'_>,
    registry: &Registry,
) -> Result<BTreeSet<NamedNode>, StorageError> {
    let observed = observations(transaction)?;
    let mut resolver = Resolver::new(registry.clone());
    for o in observed.values() {
        let kind = voted(&o.votes);
        for name in &o.names {
            resolver.index.add(name, kind);
        }
    }
    // Registry entries refresh even when no document moved: their label, type or sameAs may
    // have been edited.
    let mut touched: BTreeSet<NamedNode> = registry
        .entries()
        .iter()
        .filter_map(|e| entity_iri(&e.canonical))
        .collect();
    for ((graph, entity), o) in &observed {
        // The document's fullest name for the entity decides.
        let Some(target) = decide(&resolver, o) else {
            continue;
        };
        if &target != entity {
            move_entity(transaction, graph, entity, &target)?;
            touched.insert(entity.clone());
            touched.insert(target);
        }
    }
    Ok(touched)
}

/// [`reconcile`] for a build that changed a few documents under the same registry as the build
/// before it, whose graph was reconciled: reads only what the changed names can have moved.
///
/// A multi-word name is its own canonical name (or the registry's), so only entities a document
/// knows by one word ("Putin", "KCNA", "Vostochny") can move, and only when the full names
/// under their short key changed: when a document that used one of those full names was added,
/// replaced or removed. `names` are the names of those documents (old and new versions). The
/// store's names are read once as distinct values (a grouped SPARQL query decodes nothing
/// else); the vote counts of the full names under an affected key and the observations of the
/// affected one-word names are then read by name. The result is what [`reconcile`] gives.
pub fn reconcile_changed(
    transaction: &mut Transaction<'_>,
    registry: &Registry,
    names: &BTreeSet<String>,
) -> Result<BTreeSet<NamedNode>, GraphError> {
    // Every short key a name takes part in, as a full name or as a short one, of any type.
    let keys_of = |name: &str| -> Vec<ShortKey> {
        if names::words(name).len() > 1 {
            full_name_keys(name).into_iter().collect()
        } else {
            KINDS
                .iter()
                .filter_map(|k| names::lookup_key(name, Some(*k)))
                .collect()
        }
    };
    let affected: HashSet<ShortKey> = names.iter().flat_map(|n| keys_of(n)).collect();
    let mut touched = BTreeSet::new();
    if affected.is_empty() {
        return Ok(touched);
    }
    let mut resolver = Resolver::new(registry.clone());
    let mut short_names = Vec::new();
    let distinct = format!(
        "SELECT DISTINCT ?n WHERE {{ GRAPH ?g {{ ?e <{}> ?n }} }}",
        KG_OBSERVED_NAME.as_str()
    );
    let mut store_names = Vec::new();
    for solution in select_in(transaction, &distinct, &[])? {
        if let Some(Term::Literal(name)) = solution?.get("n") {
            store_names.push(name.clone());
        }
    }
    for name in store_names {
        if !keys_of(name.value()).iter().any(|k| affected.contains(k)) {
            continue;
        }
        if names::words(name.value()).len() > 1 {
            for (kind, count) in name_votes(transaction, &name)? {
                for _ in 0..count {
                    resolver.index.add(name.value(), kind);
                }
            }
        } else {
            short_names.push(name);
        }
    }
    // The observations known by an affected one-word name, decided as `reconcile` decides.
    let mut moves = Vec::new();
    for name in short_names {
        let found: Vec<Quad> = transaction
            .quads_for_pattern(
                None,
                Some(KG_OBSERVED_NAME),
                Some(TermRef::from(&name)),
                None,
            )
            .collect::<Result<_, _>>()?;
        for quad in found {
            let (NamedOrBlankNode::NamedNode(entity), GraphName::NamedNode(graph)) =
                (quad.subject, quad.graph_name)
            else {
                continue;
            };
            let o = observed(transaction, &graph, &entity)?;
            if let Some(target) = decide(&resolver, &o) {
                if target != entity {
                    moves.push((graph, entity, target));
                }
            }
        }
    }
    moves.sort();
    moves.dedup();
    for (graph, entity, target) in moves {
        move_entity(transaction, &graph, &entity, &target)?;
        touched.insert(entity);
        touched.insert(target);
    }
    Ok(touched)
}

/// The canonical IRI of a document entity: its fullest name decides.
fn decide(resolver: &Resolver, o: &Observed) -> Option<NamedNode> {
    let name = o.names.iter().max_by_key(|n| {
        (
            names::words(n).len(),
            n.len(),
            std::cmp::Reverse(n.as_str()),
        )
    })?;
    entity_iri(&resolver.canonical(name, voted(&o.votes)))
}

/// What one document observed of one entity.
fn observed(
    transaction: &Transaction<'_>,
    graph: &NamedNode,
    entity: &NamedNode,
) -> Result<Observed, StorageError> {
    let g = Some(GraphNameRef::from(graph));
    let e = Some(NamedOrBlankNodeRef::from(entity));
    let mut o = Observed {
        names: Vec::new(),
        votes: [0; 4],
    };
    for quad in transaction.quads_for_pattern(e, Some(KG_OBSERVED_NAME), None, g) {
        if let Term::Literal(name) = quad?.object {
            o.names.push(name.value().to_owned());
        }
    }
    for quad in transaction.quads_for_pattern(e, Some(KG_OBSERVED_TYPE), None, g) {
        if let Term::NamedNode(class) = quad?.object {
            if let Some(kind) = kind_of_class(class.as_ref()) {
                o.votes[kind_index(kind)] += 1;
            }
        }
    }
    Ok(o)
}

/// How many document entities named `name` voted for each type, counted by SPARQL without
/// decoding the documents. A document states each type of an entity at most once (quads are a
/// set), so [`voted`]'s majority is the first of person, organisation, place, other that the
/// document stated, and person when it stated none of them.
fn name_votes(
    transaction: &Transaction<'_>,
    name: &Literal,
) -> Result<Vec<(EntityType, usize)>, GraphError> {
    let has = |class: NamedNodeRef<'_>| {
        format!(
            "EXISTS {{ ?e <{}> <{}> }}",
            KG_OBSERVED_TYPE.as_str(),
            class.as_str()
        )
    };
    // The name is bound as a value, never formatted into the query text.
    let query = format!(
        "SELECT ?name ?k (COUNT(*) AS ?c) WHERE {{
           GRAPH ?g {{
             ?e <{observed}> ?name .
             BIND(IF({person}, 0, IF({organisation}, 1, IF({place}, 2, IF({other}, 3, 0)))) AS ?k)
           }}
         }} GROUP BY ?name ?k",
        observed = KG_OBSERVED_NAME.as_str(),
        person = has(SCHEMA_PERSON),
        organisation = has(SCHEMA_ORGANIZATION),
        place = has(SCHEMA_PLACE),
        other = has(KG_OTHER),
    );
    let mut out = Vec::new();
    for solution in select_in(transaction, &query, &[("name", name.clone().into())])? {
        let solution = solution?;
        let kind = KINDS[count(solution.get("k")).min(3)];
        out.push((kind, count(solution.get("c"))));
    }
    Ok(out)
}

/// Replaces `from` by `to` in every quad of one document graph.
fn move_entity(
    transaction: &mut Transaction<'_>,
    graph: &NamedNode,
    from: &NamedNode,
    to: &NamedNode,
) -> Result<(), StorageError> {
    let g = oxigraph::model::GraphNameRef::from(graph);
    let mut quads: HashSet<Quad> = HashSet::new();
    for q in transaction.quads_for_pattern(
        Some(NamedOrBlankNodeRef::from(from.as_ref())),
        None,
        None,
        Some(g),
    ) {
        quads.insert(q?);
    }
    for q in transaction.quads_for_pattern(None, None, Some(TermRef::from(from.as_ref())), Some(g))
    {
        quads.insert(q?);
    }
    for q in quads {
        transaction.remove(&q);
        let subject = match &q.subject {
            NamedOrBlankNode::NamedNode(n) if n == from => NamedOrBlankNode::from(to.clone()),
            s => s.clone(),
        };
        let object = match &q.object {
            Term::NamedNode(n) if n == from => Term::from(to.clone()),
            o => o.clone(),
        };
        transaction.insert(&Quad::new(subject, q.predicate, object, q.graph_name));
    }
    // The document's export summary names the entity too.
    let document = NamedOrBlankNodeRef::from(graph.as_ref());
    let summaries: Vec<Quad> = transaction
        .quads_for_pattern(Some(document), Some(KG_EXPORT_EDGES), None, Some(g))
        .collect::<Result<_, _>>()?;
    for q in summaries {
        let Term::Literal(text) = &q.object else {
            continue;
        };
        // A summary this version cannot read is left as it is: exports then use SPARQL.
        if let Some(renamed) = summary::rename_entity(text.value(), from.as_str(), to.as_str()) {
            transaction.remove(&q);
            transaction.insert(&Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                Literal::new_simple_literal(renamed),
                q.graph_name.clone(),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(canonical: &str, aliases: &[&str], never: &[&str]) -> RegistryEntry {
        RegistryEntry {
            canonical: canonical.into(),
            kind: Some(EntityType::Person),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            external_id: None,
            never_merge: never.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_short_name_lands_on_the_one_full_name() {
        let mut r = Resolver::default();
        r.index.add("Vladimir Putin", EntityType::Person);
        assert_eq!(r.canonical("Putin", EntityType::Person), "Vladimir Putin");
        assert_eq!(
            r.canonical("Vladimir", EntityType::Person),
            "Vladimir Putin"
        );
        // A place is not a person's short form.
        r.index.add("George Washington", EntityType::Person);
        assert_eq!(r.canonical("Washington", EntityType::Place), "Washington");
    }

    #[test]
    fn an_ambiguous_short_name_stays_alone() {
        let mut r = Resolver::default();
        r.index.add("Kim Jong Un", EntityType::Person);
        assert_eq!(r.canonical("Kim", EntityType::Person), "Kim Jong Un");
        r.index.add("Kim Tok Hun", EntityType::Person);
        assert_eq!(r.canonical("Kim", EntityType::Person), "Kim");
        // Until one of them is named far more often: then the lone short name is that one.
        for _ in 0..3 {
            r.index.add("Kim Jong Un", EntityType::Person);
        }
        assert_eq!(r.canonical("Kim", EntityType::Person), "Kim", "4 against 1");
        r.index.add("Kim Jong Un", EntityType::Person);
        assert_eq!(
            r.canonical("Kim", EntityType::Person),
            "Kim Jong Un",
            "5 against 1"
        );
        r.index.add("Kim Tok Hun", EntityType::Person);
        assert_eq!(r.canonical("Kim", EntityType::Person), "Kim", "5 against 2");
        // Full names never merge with each other.
        assert_eq!(
            r.canonical("Kim Tok Hun", EntityType::Person),
            "Kim Tok Hun"
        );
    }

    #[test]
    fn acronyms_land_on_their_expansion() {
        let mut r = Resolver::default();
        r.index
            .add("Korean Central News Agency", EntityType::Organization);
        assert_eq!(
            r.canonical("KCNA", EntityType::Person),
            "Korean Central News Agency"
        );
        assert_eq!(r.canonical("KCNB", EntityType::Organization), "KCNB");
    }

    #[test]
    fn the_registry_overrides_and_forbids() {
        let (registry, dup) = Registry::new(vec![
            entry(
                "Kim Jong Un",
                &["Kim Jong-il's son", "Marshal Kim"],
                &["Kim"],
            ),
            entry("Jane Roe", &["Marshal Kim"], &[]),
        ]);
        assert_eq!(dup, ["Marshal Kim"]);
        let mut r = Resolver::new(registry);
        assert_eq!(
            r.canonical("Marshal Kim", EntityType::Person),
            "Kim Jong Un"
        );
        // "Kim" would be the one short form of Kim Jong Un, but the pair is forbidden.
        assert_eq!(r.canonical("Kim", EntityType::Person), "Kim");
        r.index.add("Jong Un", EntityType::Person);
        assert_eq!(r.canonical("Jane Roe", EntityType::Person), "Jane Roe");
    }
}
