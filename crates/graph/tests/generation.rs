//! Store generations on real directories: a build is invisible until published, an abandoned build
//! leaves the published graph exactly as it was, and readers keep the generation they opened.

use std::path::PathBuf;

use kg_graph::generation::{layout, Build, Layout};
use kg_graph::KgStore;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kg-gen-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn quad(n: usize) -> Quad {
    Quad::new(
        NamedNode::new(format!("http://example.com/s{n}")).unwrap(),
        NamedNode::new("http://example.com/p").unwrap(),
        Literal::from(n as i64),
        GraphName::DefaultGraph,
    )
}

fn write(build: &Build, range: std::ops::Range<usize>) {
    let mut t = build.store().oxigraph().start_transaction().unwrap();
    for n in range {
        t.insert(&quad(n));
    }
    t.commit().unwrap();
}

fn count(path: &std::path::Path) -> usize {
    KgStore::open_read_only(path)
        .unwrap()
        .oxigraph()
        .len()
        .unwrap()
}

fn no_hook() -> kg_graph::generation::Hook {
    Box::new(|_| {})
}

#[test]
fn builds_publish_atomically_and_abandoned_builds_vanish() {
    let d = dir("publish");
    assert!(KgStore::open_read_only(&d).is_err());

    let first = Build::begin(&d, false, no_hook()).unwrap();
    write(&first, 0..10);
    // Not published: nobody sees it.
    assert!(KgStore::open_read_only(&d).is_err());
    first.publish().unwrap();
    assert_eq!(count(&d), 10);

    // A reader opened now keeps seeing the first generation.
    let reader = KgStore::open_read_only(&d).unwrap();

    // The second build starts from a checkpoint of the first.
    let second = Build::begin(&d, false, no_hook()).unwrap();
    assert_eq!(second.store().oxigraph().len().unwrap(), 10);
    write(&second, 10..25);
    assert_eq!(count(&d), 10, "unpublished writes are visible");
    // Only one build at a time.
    assert!(Build::begin(&d, false, no_hook()).is_err());
    second.publish().unwrap();
    assert_eq!(count(&d), 25);
    assert_eq!(reader.oxigraph().len().unwrap(), 10);
    drop(reader);

    // An abandoned build (an error, or a crash: its directory is removed by the next build)
    // leaves the published graph as it was.
    let third = Build::begin(&d, false, no_hook()).unwrap();
    write(&third, 25..30);
    drop(third);
    assert_eq!(count(&d), 25);

    // From scratch: an empty generation.
    let fresh = Build::begin(&d, true, no_hook()).unwrap();
    assert_eq!(fresh.store().oxigraph().len().unwrap(), 0);
    assert_eq!(fresh.previous().unwrap().oxigraph().len().unwrap(), 25);
    write(&fresh, 0..3);
    fresh.publish().unwrap();
    assert_eq!(count(&d), 3);

    // Old generations are gone once no reader holds them.
    let generations: Vec<String> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('g') && !n.contains('.'))
        .collect();
    assert_eq!(generations.len(), 1, "{generations:?}");
    assert!(matches!(layout(&d).unwrap(), Layout::Generations { .. }));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn plain_stores_are_not_mistaken_for_generations() {
    let d = dir("plain");
    {
        let store = KgStore::open(&d).unwrap();
        store.oxigraph().insert(&quad(1)).unwrap();
    }
    assert_eq!(layout(&d).unwrap(), Layout::Plain);
    assert_eq!(count(&d), 1);
    assert!(Build::begin(&d, false, no_hook()).is_err());
    let _ = std::fs::remove_dir_all(&d);
}
