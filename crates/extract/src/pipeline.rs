//! The whole analysis, from a document's text to its statements, with the models loaded once.
//!
//! Steps run in the order of lib.rs: segmentation, tagging, lemmas, parsing, entities, times and
//! quantities, then the extractor. Each statistical step is loaded from a named model file; a
//! pipeline without the tagger and lemmatiser cannot extract anything and refuses to load.

use crate::doc::Document;
use crate::lemma::Lemmatizer;
use crate::ner::Recognizer;
use crate::parser::Parser;
use crate::perceptron::ModelError;
use crate::statement::Statement;
use crate::tagger::Tagger;

/// Why models could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("model {name}: {source}")]
    Model {
        name: String,
        #[source]
        source: ModelError,
    },
    #[error("model {0} is missing: train the models with `kg model train` or pass --models DIR")]
    Missing(&'static str),
}

/// The loaded pipeline. Shared across threads by reference.
pub struct Pipeline {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Option<Parser>,
    recognizer: Option<Recognizer>,
    /// Names and content hashes of the loaded models, for [`Pipeline::version`].
    loaded: Vec<(String, String)>,
    /// Within-document coreference, the last step of [`Pipeline::extract`].
    pub coref: crate::coref::Coref,
}

impl Pipeline {
    /// Loads the pipeline from named model files (`tagger.bin`, `lemma.bin`, `parser.bin`,
    /// `ner.bin`): the bytes of each. Unknown names are ignored.
    ///
    /// The learned sentence-boundary model (`sentences.bin`) is not used: trained on web text
    /// that often ends sentences without punctuation, it also splits running news prose inside
    /// names ("Kim Jong | Un"); the rules are the safer choice for news until it is restricted
    /// to line ends and punctuation.
    pub fn load(models: &[(&str, &[u8])]) -> Result<Pipeline, PipelineError> {
        let find = |name: &str| models.iter().find(|(n, _)| *n == name).map(|(_, b)| *b);
        let wrap = |name: &str| {
            let name = name.to_owned();
            move |source| PipelineError::Model { name, source }
        };
        let tagger = find("tagger.bin").ok_or(PipelineError::Missing("tagger.bin"))?;
        let lemma = find("lemma.bin").ok_or(PipelineError::Missing("lemma.bin"))?;
        // By content, not size: a model retrained to the same size must re-extract documents.
        // 64 bits of SHA-256 keep the version short and still tell any two models apart.
        use sha2::Digest;
        let mut loaded: Vec<(String, String)> = models
            .iter()
            .filter(|(n, _)| matches!(*n, "tagger.bin" | "lemma.bin" | "parser.bin" | "ner.bin"))
            .map(|(n, b)| {
                let digest = sha2::Sha256::digest(b);
                let hex: String = digest[..8].iter().map(|x| format!("{x:02x}")).collect();
                (n.to_string(), hex)
            })
            .collect();
        loaded.sort();
        Ok(Pipeline {
            tagger: Tagger::from_bytes(tagger).map_err(wrap("tagger.bin"))?,
            lemmatizer: Lemmatizer::from_bytes(lemma).map_err(wrap("lemma.bin"))?,
            parser: find("parser.bin")
                .map(Parser::from_bytes)
                .transpose()
                .map_err(wrap("parser.bin"))?,
            recognizer: find("ner.bin")
                .map(Recognizer::from_bytes)
                .transpose()
                .map_err(wrap("ner.bin"))?,
            loaded,
            coref: Default::default(),
        })
    }

    /// Names the extractor (its version and a fingerprint of its code and compiled-in data, made by
    /// `build.rs`) and the models it loaded (each by the first 16 hex digits of its SHA-256),
    /// recorded with every build: a different model or changed rules give a different version, so
    /// documents are extracted again.
    pub fn version(&self) -> String {
        let models: Vec<String> = self
            .loaded
            .iter()
            .map(|(n, hash)| format!("{n}:{hash}"))
            .collect();
        format!(
            "kg-extract {} ({}) clauses [{}]",
            env!("CARGO_PKG_VERSION"),
            env!("KG_EXTRACT_SOURCE"),
            models.join(" ")
        )
    }

    /// Tokenises, splits, tags, parses and recognises times and quantities in place.
    pub fn annotate(&self, document: &mut Document) {
        crate::tokenize::segment(document);
        self.annotate_sentences(document);
    }

    /// Annotates a document that is one already-tokenised sentence (tokens separated by spaces,
    /// Penn Treebank style as in CaRB or OIE2016: `` `` ``, `''`, `-LRB-`, `Bush 's`). Bracket and
    /// quote tokens are given their plain forms for the models; offsets still point at the text
    /// as written.
    pub fn annotate_pretokenized(&self, document: &mut Document) {
        let mut tokens = crate::tokenize::tokenize_pretokenized(&document.text);
        for t in &mut tokens {
            let plain = match t.form.as_str() {
                "``" | "''" => "\"",
                "`" => "'",
                "-LRB-" => "(",
                "-RRB-" => ")",
                "-LSB-" => "[",
                "-RSB-" => "]",
                "-LCB-" => "{",
                "-RCB-" => "}",
                _ => continue,
            };
            t.form = plain.to_owned();
        }
        let (start, end) = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (0, 0),
        };
        document.sentences = vec![crate::doc::Sentence {
            start,
            end,
            tokens,
            ..Default::default()
        }];
        self.annotate_sentences(document);
    }

    fn annotate_sentences(&self, document: &mut Document) {
        let anchor = document.date;
        let mut history = crate::ner::DocumentHistory::default();
        for sentence in &mut document.sentences {
            self.tagger.tag(sentence);
            capitals_as_names(sentence);
            unknown_names_read_as_adverbs(sentence, &self.tagger);
            repair_tags(sentence);
            self.lemmatizer.lemmatize(sentence);
            if let Some(parser) = &self.parser {
                parser.parse(sentence);
                repair_tree(sentence);
            }
            if let Some(recognizer) = &self.recognizer {
                recognizer.recognize_in(sentence, &mut history);
                articles_off_names(sentence);
                names_as_units(sentence);
                titles_read_as_heads(sentence);
            }
            crate::timex::annotate(sentence, anchor);
            crate::quantity::annotate(sentence);
        }
    }

    /// The statements of an annotated document.
    pub fn extract(&self, document: &Document) -> Vec<Statement> {
        self.coref
            .apply(document, crate::clauses::extract(document))
    }

    /// [`annotate`](Self::annotate) then [`extract`](Self::extract).
    pub fn process(&self, mut document: Document) -> (Document, Vec<Statement>) {
        self.annotate(&mut document);
        let statements = self.extract(&document);
        (document, statements)
    }
}

/// Repairs of parser errors that cost a news clause its subject, object or source, in
/// constructions news is full of (`syntax_models eval` reports what they move in EWT):
///
/// - A clause opened by "after", "before", "since", "until", "because", "as", "while" or
///   "once" read as a prepositional phrase plus a verb without a subject ("pulled survivors
///   from the rubble after a building | collapsed in Lagos", with "after a building" an oblique
///   of "pulled" and "collapsed" its conjunct, though no "and" joins them; "comes as the Union |
///   investigates", with the verb an adverbial clause of its own): the noun phrase is the
///   subject of the verb, the word opening it a marker, the verb an adverbial clause.
/// - A participle opening a sentence read as a verb taking the subject as its object
///   ("Striking | dock workers blocked the port", with "workers" the object of "Striking" and
///   "blocked" left without a subject): the participle modifies the noun, which is the subject
///   of the next finite verb.
/// - A bare noun read as an oblique of a verb with no object ([`object_read_as_an_oblique`]).
/// - A sentence read as a noun with a participle ([`past_tense_read_as_a_modifier`]).
/// - What was told read as a relative clause of the listener ([`said_to_read_as_a_relative`]).
/// - A coordinated subject read as a noun with a relative clause
///   ([`coordinated_subject_read_as_a_relative`]).
pub fn repair_tree(sentence: &mut crate::doc::Sentence) {
    subordinate_clause_read_as_conjunct(sentence);
    participle_read_as_the_verb(sentence);
    object_read_as_an_oblique(sentence);
    past_tense_read_as_a_modifier(sentence);
    finite_verb_read_as_a_modifier(sentence);
    adjective_read_as_the_root(sentence);
    predicate_read_as_a_modifier_of_the_object(sentence);
    object_read_as_part_of_a_time(sentence);
    score_read_as_a_modifier_of_the_object(sentence);
    verb_after_a_parenthetical(sentence);
    said_to_read_as_a_relative(sentence);
    coordinated_subject_read_as_a_relative(sentence);
    coordinated_subject_split(sentence);
    two_prepositions_on_one_noun(sentence);
    preposition_read_as_an_adverb(sentence);
    agent_read_as_a_modifier(sentence);
    partner_read_as_a_modifier_of_the_means(sentence);
    name_read_as_part_of_an_amount(sentence);
}

/// "The Commission fined Apple 1.8 billion euros": the parser made "Apple" a compound of
/// "euros", so who was fined was lost. A proper noun (or a run of them) right after a verb,
/// hanging on the verb's object and followed by a number of that object, is the verb's indirect
/// object.
fn name_read_as_part_of_an_amount(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for v in 0..n {
        if !t[v].xpos.starts_with("VB") || v + 2 >= n || !t[v + 1].xpos.starts_with("NNP") {
            continue;
        }
        let Some(o) = (v + 1..n).find(|&o| t[o].head == Some(v) && t[o].deprel == "obj") else {
            continue;
        };
        // The name's words, then a number inside the object's phrase.
        let mut end = v + 1;
        while end < o && t[end].xpos.starts_with("NNP") {
            end += 1;
        }
        let number = t[end].xpos == "CD"
            && (end..=o).all(|k| k == o || t[k].head.is_some_and(|h| end <= h && h <= o));
        let name_head = (v + 1..end).find(|&k| t[k].head == Some(o));
        let inside = (v + 1..end).all(|k| t[k].head.is_some_and(|h| h == o || (v < h && h < end)));
        if let (true, true, Some(h)) = (number, inside, name_head) {
            t[h].head = Some(v);
            t[h].deprel = "iobj".to_owned();
        }
    }
}

/// "Modi spoke by phone with President Zelensky": the parser hung "with Zelensky" on "phone".
/// A name after "with" or "to", hung on the noun of a "by"/"via"/"over" phrase of a verb ("by
/// phone", "via video link", "over the telephone"), is the verb's: whom it was done with.
fn partner_read_as_a_modifier_of_the_means(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for c in 0..n {
        let Some(o) = t[c].head else {
            continue;
        };
        let Some(v) = t[o].head else {
            continue;
        };
        let means = t[o].deprel == "obl"
            && t[v].xpos.starts_with("VB")
            && matches!(case_word(t, o).as_deref(), Some("by" | "via" | "over"));
        if t[c].deprel == "nmod"
            && t[c].xpos.starts_with("NNP")
            && means
            && matches!(case_word(t, c).as_deref(), Some("with" | "to"))
        {
            t[c].head = Some(v);
            t[c].deprel = "obl".to_owned();
        }
    }
}

/// "Bankman-Fried was convicted of fraud by a jury": the parser hung "by a jury" on "fraud",
/// so the conviction had no one convicting. A "by" phrase on the complement of a passive
/// verb that has no agent ("convicted of", "charged with", "arrested for", "found guilty on")
/// is its agent; deeper inside the complement, when it names someone who acts (a name or a
/// person or group noun: "on 34 counts of falsifying records | by a jury").
fn agent_read_as_a_modifier(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    for v in 0..n {
        let passive = (0..n).any(|c| {
            t[c].head == Some(v) && matches!(t[c].deprel.as_str(), "aux:pass" | "nsubj:pass")
        });
        let has_agent = (0..n).any(|c| {
            t[c].head == Some(v)
                && (t[c].deprel == "obl:agent"
                    || (t[c].deprel.starts_with("obl") && case_word(t, c).as_deref() == Some("by")))
        });
        if !passive || has_agent || t[v].xpos != "VBN" {
            continue;
        }
        // The verb's complement, right after it: "of fraud", "with murder", "on 34 counts".
        let Some(o) = (v + 1..n).find(|&o| {
            t[o].head == Some(v)
                && t[o].deprel == "obl"
                && matches!(
                    case_word(t, o).as_deref(),
                    Some("of" | "with" | "for" | "on")
                )
        }) else {
            continue;
        };
        // Hung on the complement, or deeper inside it when it names who can act ("on 34
        // counts of falsifying records | by a jury").
        let inside = |a: usize| {
            let mut cur = t[a].head;
            let mut steps = 0;
            while let Some(h) = cur.filter(|_| steps < n) {
                if h == o {
                    return true;
                }
                if h < o {
                    return false;
                }
                cur = t[h].head;
                steps += 1;
            }
            false
        };
        let Some(a) = (o + 1..n).find(|&a| {
            case_word(t, a).as_deref() == Some("by")
                && matches!(t[a].deprel.as_str(), "nmod" | "obl")
                && ((t[a].head == Some(o) && t[a].deprel == "nmod")
                    || (inside(a)
                        && (t[a].xpos.starts_with("NNP")
                            || crate::gazetteer::gazetteer()
                                .is_agent_noun(&t[a].lemma.to_lowercase())
                            || crate::gazetteer::gazetteer()
                                .is_agent_noun(&t[a].form.to_lowercase()))))
        }) else {
            continue;
        };
        t[a].head = Some(v);
        t[a].deprel = "obl:agent".to_owned();
    }
}

/// "Protesters gathered outside parliament": the tagger read "outside" as an adverb, and the
/// parser made "parliament" the object of "gathered". A place word that can be a preposition,
/// modifying a verb right before the verb's object phrase, is that phrase's preposition, and
/// the phrase an oblique.
fn preposition_read_as_an_adverb(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    for a in 0..t.len() {
        let form = t[a].form.to_lowercase();
        if t[a].deprel != "advmod"
            || !matches!(
                form.as_str(),
                "outside" | "inside" | "near" | "behind" | "beyond" | "beneath" | "underneath"
            )
        {
            continue;
        }
        let Some(v) = t[a].head else {
            continue;
        };
        // The object whose phrase starts right after the word.
        let Some(o) = (a + 1..t.len()).find(|&o| t[o].head == Some(v) && t[o].deprel == "obj")
        else {
            continue;
        };
        if subtree_bounds(t, o).0 != a + 1 {
            continue;
        }
        t[a].head = Some(o);
        t[a].deprel = "case".to_owned();
        t[a].upos = Upos::Adp;
        t[a].xpos = "IN".to_owned();
        t[o].deprel = "obl".to_owned();
    }
}

/// "Erdogan met with Swedish Prime Minister Ulf Kristersson on the sidelines of the summit": the
/// parser hung "with" on "sidelines", beside its own "on", and made the name a subject and an
/// object inside that phrase, so the meeting lost its other side. A noun has one preposition;
/// when it has two, apart, with a noun phrase between them ("with … Kristersson | on the
/// sidelines"), the first marks that phrase, which hangs where the noun does. (EWT's gold trees
/// have 7 nouns with two separated prepositions, all with no noun between them: "from all over
/// the world", "for well over 12 years".)
fn two_prepositions_on_one_noun(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    let n = t.len();
    let nominal =
        |x: &crate::doc::Token| x.xpos.starts_with("NN") || matches!(x.xpos.as_str(), "PRP" | "CD");
    for k in 0..n {
        let Some(k_head) = t[k].head else {
            continue;
        };
        let cases: Vec<usize> = (0..k)
            .filter(|&c| t[c].head == Some(k) && t[c].deprel == "case" && t[c].xpos == "IN")
            .collect();
        let Some((first, second)) = cases
            .windows(2)
            .map(|w| (w[0], w[1]))
            .find(|&(a, b)| b > a + 1)
        else {
            continue;
        };
        let span = first + 1..second;
        // A noun phrase, nothing of a clause, every word hanging inside the noun's phrase.
        // Its head: the last noun before any preposition or comma inside it ("with the
        // president | of France").
        let chunk_end = span
            .clone()
            .find(|&i| t[i].xpos == "IN" || t[i].xpos == ",")
            .unwrap_or(second);
        let Some(j) = (first + 1..chunk_end).rev().find(|&i| nominal(&t[i])) else {
            continue;
        };
        let phrase_only = span.clone().all(|i| {
            !(t[i].xpos.starts_with("VB") || t[i].xpos == "MD")
                && t[i].head.is_some_and(|h| (first..=k).contains(&h))
        }) && !span.contains(&k_head);
        if !phrase_only {
            continue;
        }
        t[j].head = Some(k_head);
        t[j].deprel = t[k].deprel.clone();
        t[first].head = Some(j);
        for i in span {
            if i == j {
                continue;
            }
            let outside = t[i].head.is_some_and(|h| !(first + 1..second).contains(&h));
            let argument = matches!(
                t[i].deprel.split(':').next().unwrap_or(""),
                "nsubj" | "obj" | "iobj" | "obl"
            );
            if outside || argument {
                t[i].head = Some(j);
                t[i].deprel = match t[i].xpos.as_str() {
                    "JJ" | "JJR" | "JJS" => "amod",
                    "DT" | "PRP$" => "det",
                    "CD" => "nummod",
                    _ => "compound",
                }
                .into();
            }
        }
    }
}

/// The "and" that joins two names written "first and second", if they are: each phrase headed
/// by a name or a title, with a proper noun in it; the first phrase (its words left of the verb
/// `v`) ends right before the "and", and the second phrase starts with it (or right after it,
/// the "and" hung on the verb), so the "and" is the second phrase's. ("First time to go on a
/// cruise any and all info is appreciated" has neither.)
fn names_joined(t: &[crate::doc::Token], first: usize, second: usize, v: usize) -> Option<usize> {
    use crate::doc::Upos;
    let and = (first + 1..second).find(|&i| {
        t[i].deprel == "cc" && matches!(t[i].form.to_lowercase().as_str(), "and" | "&")
    })?;
    let in_phrase = |mut i: usize, top: usize| {
        for _ in 0..t.len() {
            if i == top {
                return true;
            }
            match t[i].head {
                Some(h) if h != v => i = h,
                _ => return false,
            }
        }
        false
    };
    let words = |top: usize, from: usize, to: usize| (from..to).filter(move |&i| in_phrase(i, top));
    let first_end = words(first, 0, and).max();
    let second_start = words(second, 0, v).min();
    let propn =
        |top: usize, from: usize, to: usize| words(top, from, to).any(|i| t[i].upos == Upos::Propn);
    // Each phrase headed by a name or a title ("Chancellor Olaf Scholz"), not a common noun with
    // a name inside ("peace in the Holy Land | and the Palestinians will suffer").
    let named =
        |k: usize| t[k].upos == Upos::Propn || crate::gazetteer::gazetteer().is_title(&t[k].form);
    // (The "and" may hang on the verb itself: "The United States and Britain carried out".)
    let and_on_verb = t[and].head == Some(v) && second_start == Some(and + 1);
    let joined = first_end == Some(and - 1)
        && (second_start == Some(and) || and_on_verb)
        && propn(first, 0, and)
        && propn(second, and, v)
        && named(first)
        && named(second);
    joined.then_some(and)
}

/// "German Chancellor Olaf Scholz and French President Emmanuel Macron met in Paris": the parser
/// gave the verb two dependents, the first name an unmarked oblique (or a second subject) and
/// the second its subject with the "and" inside its phrase, so the meeting had one side. A
/// nominal dependent of the verb without a preposition, before its subject, joined to it by an
/// "and" in the subject's phrase, is the subject's first conjunct.
fn coordinated_subject_split(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    for subject in 0..t.len() {
        let Some(v) = t[subject].head.filter(|&v| v > subject) else {
            continue;
        };
        if !t[subject].deprel.starts_with("nsubj") || t[v].upos != Upos::Verb {
            continue;
        }
        let first = (0..subject).find(|&x| {
            t[x].head == Some(v)
                && matches!(
                    t[x].deprel.as_str(),
                    "obl:unmarked" | "obl:npmod" | "nsubj" | "dep"
                )
                && matches!(t[x].upos, Upos::Noun | Upos::Propn)
                && !t.iter().any(|c| c.head == Some(x) && c.deprel == "case")
        });
        let Some(first) = first else {
            continue;
        };
        let Some(and) = names_joined(t, first, subject, v) else {
            continue;
        };
        t[first].deprel = t[subject].deprel.clone();
        t[subject].head = Some(first);
        t[subject].deprel = "conj".into();
        t[and].head = Some(subject);
    }
}

/// "German Chancellor Olaf Scholz and French President Emmanuel Macron agreed on Tuesday to …":
/// the parser made the first name the root and the verb a relative clause of it, with the second
/// name its subject, so the statement had Macron agree to Scholz. When a nominal root has a
/// relative clause whose subject comes after an "and" that belongs to that subject's phrase, and
/// no relative word opens the clause, the verb is the root and the two names its coordinated
/// subject.
fn coordinated_subject_read_as_a_relative(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    let Some(root) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !matches!(t[root].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    let Some(v) = (root + 1..t.len()).find(|&i| {
        t[i].head == Some(root) && t[i].deprel == "acl:relcl" && t[i].upos == Upos::Verb
    }) else {
        return;
    };
    let Some(subject) =
        (root + 1..v).find(|&i| t[i].head == Some(v) && t[i].deprel.starts_with("nsubj"))
    else {
        return;
    };
    // Nothing between the root and the verb is a relative word ("the chancellor and those who
    // agreed").
    let relative_word = (root + 1..v).any(|i| {
        matches!(t[i].xpos.as_str(), "WDT" | "WP" | "WP$") || t[i].form.eq_ignore_ascii_case("that")
    });
    let and = match names_joined(t, root, subject, v) {
        Some(and) if !relative_word => and,
        _ => return,
    };
    let root_rel = std::mem::take(&mut t[root].deprel);
    t[v].head = None;
    t[v].deprel = root_rel;
    t[root].head = Some(v);
    t[root].deprel = t[subject].deprel.clone();
    t[subject].head = Some(root);
    t[subject].deprel = "conj".into();
    t[and].head = Some(subject);
    // The sentence's punctuation after the verb is the verb's.
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(root) && x.deprel == "punct" {
            x.head = Some(v);
        }
    }
}

/// "told reporters that prices would fall", "told a news conference that the bank would keep
/// buying": the parser hung the that-clause on the listener as a relative clause, so the
/// statement lost its source. After a verb of telling, a clause with a subject of its own that
/// opens with "that" right after the listener is what was told.
fn said_to_read_as_a_relative(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        if !matches!(
            t[v].lemma.as_str(),
            "tell" | "inform" | "assure" | "warn" | "remind" | "notify" | "convince"
        ) {
            continue;
        }
        let Some(n) = (v + 1..t.len()).find(|&k| t[k].head == Some(v) && t[k].deprel == "obj")
        else {
            continue;
        };
        let after = subtree_bounds(t, n);
        // The clause: a clausal modifier of the listener whose first word is "that".
        let Some(c) = (n + 1..t.len())
            .find(|&k| t[k].head == Some(n) && matches!(t[k].deprel.as_str(), "acl" | "acl:relcl"))
        else {
            continue;
        };
        let (start, _) = subtree_bounds(t, c);
        let that = start;
        // (A subject other than "that" itself: "reporters that waited" is a relative clause.)
        let own_subject = (0..t.len())
            .any(|k| k != that && t[k].head == Some(c) && t[k].deprel.starts_with("nsubj"));
        if !t[that].form.eq_ignore_ascii_case("that") || t[that].head != Some(c) || !own_subject {
            continue;
        }
        // ("that" must open the clause right after the listener's own words.)
        if (n + 1..start).any(|k| t[k].head.is_none_or(|h| h < n || h > after.1)) {
            continue;
        }
        t[c].head = Some(v);
        t[c].deprel = "ccomp".to_owned();
        t[that].deprel = "mark".to_owned();
        t[that].upos = Upos::Sconj;
        t[that].xpos = "IN".to_owned();
    }
}

/// A whole sentence read as a noun phrase with a participle ("The yen | weakened against the
/// dollar." as "the yen [that was] weakened …"): in a sentence that opens with a determiner, ends
/// with a full stop and has no finite verb or auxiliary anywhere, a participle right after the
/// subject's noun phrase and not followed by "by" (a passive's agent) is the verb, in the past.
/// "Sudan's army and the Rapid Support Forces agreed to a ceasefire": the parser made "army"
/// the root and the finite verb a clausal modifier (acl) of "Forces", so the sentence had no
/// clause. A finite verb that is the sentence's only one, modifying the root noun's phrase with
/// no subject, marker or relative word of its own, right after that phrase, is the root, and the
/// noun its subject.
fn finite_verb_read_as_a_modifier(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    let Some(r) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !t[r].xpos.starts_with("NN") {
        return;
    }
    let finite: Vec<usize> = (0..t.len())
        .filter(|&k| matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
        .collect();
    let [v] = finite[..] else {
        return;
    };
    // Under the root's phrase: the root itself, or a conjunct of it ("… and the Forces").
    let under_root = t[v]
        .head
        .is_some_and(|h| h == r || (t[h].head == Some(r) && t[h].deprel == "conj"));
    let own = |rel: &str| {
        t.iter()
            .any(|x| x.head == Some(v) && x.deprel.starts_with(rel))
    };
    let relative_word = t
        .iter()
        .any(|x| x.head == Some(v) && x.xpos.starts_with('W'));
    if t[v].deprel != "acl"
        || !under_root
        || own("nsubj")
        || own("mark")
        || relative_word
        || !(0..v).all(|k| k == r || t[k].head.is_some_and(|h| h < v))
    {
        return;
    }
    t[v].head = None;
    t[v].deprel = "root".to_owned();
    t[r].head = Some(v);
    t[r].deprel = "nsubj".to_owned();
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(r) {
            x.head = Some(v);
        }
    }
}

/// "Real Madrid beat Borussia Dortmund 2-0 in the final at Wembley on Saturday": the parser
/// hung the score on the object and everything after it on the score, so the match had no
/// place or time. A score ("2-0") right after a verb's object, a name, hung on it, is the
/// verb's, and so are the prepositional phrases hung on the score.
fn score_read_as_a_modifier_of_the_object(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    for s in 1..t.len() {
        let score = t[s].form.split_once(['-', '–']).is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 3
                && b.len() <= 3
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
        });
        let Some(o) = t[s].head.filter(|&o| o < s) else {
            continue;
        };
        let Some(v) = t[o].head else {
            continue;
        };
        // The loser is a team, a name, right before the score (not "access code 600-480", nor
        // a date, "DATE September 16-18").
        let team = t[o].xpos.starts_with("NNP")
            && (s - 1 == o || (t[s - 1].head == Some(o) && t[s - 1].deprel == "flat"));
        if !score || !team || t[o].deprel != "obj" || !t[v].xpos.starts_with("VB") {
            continue;
        }
        t[s].head = Some(v);
        t[s].deprel = "obl:unmarked".to_owned();
        for x in t.iter_mut().skip(s + 1) {
            if x.head == Some(s) && x.deprel.starts_with("nmod") {
                x.head = Some(v);
                x.deprel = "obl".to_owned();
            }
        }
    }
}

/// Nouns that name a time after "next", "last" or "this" ("next month", "last night").
const TIME_NOUNS: [&str; 12] = [
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "spring",
    "summer",
    "autumn",
];

/// "Putin will visit Beijing next month": the parser made "Beijing" a compound of "month", so
/// the visit had no object. A proper noun right before "next/last/this" + a time noun that
/// hangs on a verb without an object, read as a compound of that noun, is the verb's object.
fn object_read_as_part_of_a_time(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    for k in 0..t.len().saturating_sub(2) {
        let Some(h) = t[k].head else {
            continue;
        };
        let Some(v) = t[h].head else {
            continue;
        };
        let time_phrase = h == k + 2
            && matches!(
                t[k + 1].form.to_lowercase().as_str(),
                "next" | "last" | "this"
            )
            && TIME_NOUNS.contains(&t[h].form.to_lowercase().trim_end_matches('s'));
        // The name's first word, past the words hung on it; a name inside a prepositional
        // phrase stays there ("released by the Pew Center on Global Climate Change last week").
        let mut first = k;
        while first > 0 && t[first - 1].head == Some(k) {
            first -= 1;
        }
        let in_phrase = has_child(t, k, "case")
            || (first > 0 && matches!(t[first - 1].xpos.as_str(), "IN" | "TO"));
        if !t[k].xpos.starts_with("NNP")
            || t[k].deprel != "compound"
            || !time_phrase
            || in_phrase
            || !t[v].xpos.starts_with("VB")
            || has_child(t, v, "obj")
        {
            continue;
        }
        // The name's first words hang on its last.
        t[k].head = Some(v);
        t[k].deprel = "obj".to_owned();
    }
}

/// Verbs that say something of their object with an adjective ("held rates steady", "shot
/// the man dead", "declared the vote void").
const OBJECT_PREDICATE_VERBS: &[&str] = &[
    "hold",
    "keep",
    "leave",
    "make",
    "find",
    "declare",
    "pronounce",
    "consider",
    "deem",
    "render",
    "set",
    "get",
    "turn",
    "paint",
    "push",
    "drive",
    "call",
    "rate",
    "judge",
    "prove",
    "shoot",
    "beat",
    "knock",
    "want",
    "like",
    "prefer",
    "break",
    "cut",
    "wipe",
];

/// "The Federal Reserve held interest rates steady on Wednesday": the parser made "steady" a
/// modifier of "rates" (and "on Wednesday" the adjective's), so what the Fed did to rates was
/// lost. English puts its adjectives before the noun; one right after a verb's object, hung on
/// it, says something of the object: it is the verb's `xcomp` ("kept the border closed", "left
/// rates unchanged") when the verb takes such a predicate. Not the few that follow their noun
/// by habit, "-ble" ones ("the money available", "the people responsible"), or any after
/// "something", "anyone" …, or "other" ("places other than"), or one with a complement of its
/// own ("issues related to your area").
fn predicate_read_as_a_modifier_of_the_object(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    for a in 1..t.len() {
        let o = a - 1;
        let Some(v) = t[o].head else {
            continue;
        };
        let lower = t[a].form.to_lowercase();
        if t[a].xpos != "JJ"
            || t[a].head != Some(o)
            || t[a].deprel != "amod"
            || t[o].deprel != "obj"
            || !t[o].xpos.starts_with("NN")
            || !t[v].xpos.starts_with("VB")
            || !OBJECT_PREDICATE_VERBS.contains(&t[v].lemma.as_str())
            || lower.ends_with("ble")
            || ["thing", "one", "body", "where"]
                .iter()
                .any(|e| t[o].form.to_lowercase().ends_with(e))
            || lower == "other"
            || !t[a].form.starts_with(|c: char| c.is_lowercase())
        {
            continue;
        }
        // An adjective with its own complement modifies the noun: "issues related to your
        // area", "a bag full of coins".
        let complement = (0..t.len()).any(|c| {
            t[c].head == Some(a)
                && t[c].deprel.starts_with("obl")
                && matches!(
                    case_word(t, c).as_deref(),
                    Some("to" | "of" | "with" | "for" | "than" | "from" | "about")
                )
        });
        if complement {
            continue;
        }
        t[a].head = Some(v);
        t[a].deprel = "xcomp".to_owned();
    }
}

/// "Former U.S. President Donald Trump was found guilty …": the parser made the opening
/// adjective the root and hung the sentence's verb on it as a modifier clause. When the root is
/// the first word, an adjective without copula or subject, and a verb hanging on it has its own
/// subject after the adjective, that verb is the root and the adjective modifies the noun right
/// after it ("President", climbing compounds).
fn adjective_read_as_the_root(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    if t.len() < 3 || t[0].head.is_some() || t[0].xpos != "JJ" {
        return;
    }
    let kids = |t: &[crate::doc::Token], h: usize, rel: &str| {
        (0..t.len())
            .filter(|&k| t[k].head == Some(h) && t[k].deprel.starts_with(rel))
            .collect::<Vec<_>>()
    };
    if !kids(t, 0, "cop").is_empty() || !kids(t, 0, "nsubj").is_empty() {
        return;
    }
    let Some(v) = (1..t.len()).find(|&v| {
        t[v].head == Some(0)
            && t[v].xpos.starts_with("VB")
            && matches!(
                t[v].deprel.as_str(),
                "advcl" | "acl" | "parataxis" | "ccomp" | "dep" | "conj" | "xcomp"
            )
            && !kids(t, v, "nsubj").is_empty()
            && kids(t, v, "nsubj").iter().all(|&s| s < v)
    }) else {
        return;
    };
    // The noun the adjective belongs to: the word after it, up its compounds and flat names.
    let mut k = 1;
    while let Some(h) = t[k]
        .head
        .filter(|&h| h > k && h < v && matches!(t[k].deprel.as_str(), "compound" | "flat" | "amod"))
    {
        k = h;
    }
    if !t[k].xpos.starts_with("NN") || k >= v {
        return;
    }
    t[v].head = None;
    t[v].deprel = "root".to_owned();
    for x in t.iter_mut() {
        if x.head == Some(0) {
            x.head = Some(v);
        }
    }
    t[0].head = Some(k);
    t[0].deprel = "amod".to_owned();
}

/// "The militants, who had crossed from Afghanistan, attacked a police station": the parser
/// made "militants" the root and hung "attacked" inside the relative clause set off by commas
/// ("The deal, worth about $10 billion, is expected to close" likewise). When the root is a
/// noun phrase followed by a parenthetical between two commas, and the first word after the
/// second comma is a verb (or its auxiliary) that hangs inside the parenthetical and has no
/// subject of its own, that verb is the root and the noun its subject.
fn verb_after_a_parenthetical(sentence: &mut crate::doc::Sentence) {
    let t = &sentence.tokens;
    // The root noun, or the object of a verb of saying ("Officials said the fire, which started
    // in a kitchen, spread …", with "fire" the object of "said"): where the verb goes.
    let mut candidates: Vec<(usize, Option<usize>)> = Vec::new();
    if let Some(r) = t.iter().position(|x| x.head.is_none()) {
        if (0..r).all(|k| t[k].head.is_some_and(|h| h <= r)) {
            candidates.push((r, None));
        }
    }
    for (r, x) in t.iter().enumerate() {
        if let Some(s) = x.head.filter(|&s| s < r) {
            let saying = matches!(
                t[s].lemma.as_str(),
                "say" | "report" | "announce" | "warn" | "claim" | "confirm" | "believe" | "think"
            );
            let phrase = (s + 1..r).all(|k| t[k].head.is_some_and(|h| s < h && h <= r));
            if x.deprel == "obj" && saying && phrase {
                candidates.push((r, Some(s)));
            }
        }
    }
    for (r, governor) in candidates {
        verb_after_the_parenthetical_of(&mut sentence.tokens, r, governor);
    }
}

/// [`verb_after_a_parenthetical`] for the noun `r`: the verb found becomes the root (no
/// `governor`) or the governor's clausal complement.
fn verb_after_the_parenthetical_of(t: &mut [crate::doc::Token], r: usize, governor: Option<usize>) {
    use crate::doc::Upos;
    let n = t.len();
    if !t[r].xpos.starts_with("NN") || r + 1 >= n || t[r + 1].form != "," {
        return;
    }
    // A subject, not a prepositional phrase ("In other words, …").
    if t.iter().any(|x| x.head == Some(r) && x.deprel == "case") {
        return;
    }
    let c1 = r + 1;
    let Some(c2) = (c1 + 2..n).find(|&k| t[k].form == ",") else {
        return;
    };
    // The parenthetical is a relative clause ("who had crossed …") or has no finite verb
    // ("worth about $10 billion"), not a clause of its own.
    let relative = t[c1 + 1].xpos.starts_with('W');
    let finite = (c1 + 1..c2).any(|k| matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"));
    if !relative && finite {
        return;
    }
    let inside = |h: Option<usize>| h.is_some_and(|h| c1 < h && h < c2);
    // The verb: the first word after the comma, past an auxiliary or an adverb.
    let mut v = c2 + 1;
    while v < n && (t[v].upos == Upos::Aux || t[v].xpos == "RB" || t[v].xpos == "MD") {
        v += 1;
    }
    // (Or on the noun itself, as a clausal modifier: "the fire, which …, | spread".)
    let on_noun = t
        .get(v)
        .is_some_and(|x| x.head == Some(r) && x.deprel == "acl");
    if v >= n || !t[v].xpos.starts_with("VB") || !(inside(t[v].head) || on_noun) {
        return;
    }
    let own = |rel: &str, t: &[crate::doc::Token]| {
        t.iter()
            .any(|x| x.head == Some(v) && x.deprel.starts_with(rel))
    };
    if own("nsubj", t) || own("mark", t) {
        return;
    }
    let passive = own("aux:pass", t);
    let auxiliary = (c2 + 1..v).any(|k| t[k].upos == Upos::Aux || t[k].xpos == "MD");
    for x in &mut t[c2 + 1..v] {
        x.head = Some(v);
    }
    t[v].head = governor;
    t[v].deprel = if governor.is_some() { "ccomp" } else { "root" }.to_owned();
    if t[v].xpos == "VBN" && !auxiliary {
        past_tense(&mut t[v]);
    }
    t[r].head = Some(v);
    t[r].deprel = if passive { "nsubj:pass" } else { "nsubj" }.to_owned();
    // What followed and hung on the noun (the final stop) is the verb's, or the governor's.
    for x in &mut t[v + 1..] {
        if x.head == Some(r) {
            x.head = Some(governor.unwrap_or(v));
        }
    }
}

fn past_tense_read_as_a_modifier(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    if t.len() < 4
        || !matches!(t[0].xpos.as_str(), "DT" | "PRP$")
        || t[t.len() - 1].form != "."
        || t.iter()
            .any(|x| is_finite_verb(x) || x.xpos == "MD" || x.upos == Upos::Aux)
    {
        return;
    }
    let Some(r) = t.iter().position(|x| x.head.is_none()) else {
        return;
    };
    if !matches!(t[r].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    // The participle: a clausal modifier of the root noun right after the noun's phrase.
    let Some(v) = (r + 1..t.len()).find(|&k| t[k].head == Some(r) && t[k].deprel == "acl") else {
        return;
    };
    let form = t[v].form.to_lowercase();
    // The words before it are the noun's phrase, closed before the participle.
    let phrase_ends_before = (0..v).all(|k| k == r || t[k].head.is_some_and(|h| h < v));
    if t[v].xpos != "VBN"
        || t.get(v + 1)
            .is_some_and(|x| x.form.eq_ignore_ascii_case("by"))
        || !phrase_ends_before
        || NAMING_PARTICIPLES.contains(&form.as_str())
        || participle_only(&form)
    {
        return;
    }
    t[v].head = None;
    t[v].deprel = "root".to_owned();
    past_tense(&mut t[v]);
    t[r].head = Some(v);
    t[r].deprel = "nsubj".to_owned();
    // What followed the participle and hung on the noun belongs to the verb (",", ".").
    for x in t.iter_mut().skip(v + 1) {
        if x.head == Some(r) {
            x.head = Some(v);
        }
    }
}

/// A verb's first nominal after it with no preposition, read as an oblique though the verb has
/// no object ("sentenced | former chief executive Sam Bankman-Fried to 25 years"): the object,
/// and the obliques and adverbial clauses hung on it are the verb's.
fn object_read_as_an_oblique(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    for v in 0..t.len() {
        if t[v].upos != Upos::Verb || has_child(t, v, "obj") || has_child(t, v, "ccomp") {
            continue;
        }
        // The verb's first dependent after it.
        let Some(n) = (v + 1..t.len()).find(|&k| t[k].head == Some(v)) else {
            continue;
        };
        // (The subtree walk last: this runs for every verb of every sentence.)
        if t[n].deprel == "obl"
            && matches!(t[n].upos, Upos::Noun | Upos::Propn)
            && !has_child(t, n, "case")
            && subtree_bounds(t, n).0 == v + 1
        {
            t[n].deprel = "obj".to_owned();
            // Obliques and adverbial clauses the parser hung on it modify the verb: a noun has
            // none ("… to 25 years in prison on Thursday for stealing …").
            for x in t.iter_mut().skip(n + 1) {
                if x.head == Some(n) && matches!(x.deprel.as_str(), "obl" | "advcl") {
                    x.head = Some(v);
                }
            }
        }
    }
}

fn is_finite_verb(t: &crate::doc::Token) -> bool {
    matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP")
}

/// The first and last token of the subtree of `i`.
fn subtree_bounds(tokens: &[crate::doc::Token], i: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (i, i);
    for k in 0..tokens.len() {
        let mut x = k;
        // Walk up; a malformed tree (a cycle) ends the walk after `len` steps.
        for _ in 0..tokens.len() {
            if x == i {
                lo = lo.min(k);
                hi = hi.max(k);
                break;
            }
            match tokens[x].head {
                Some(h) => x = h,
                None => break,
            }
        }
    }
    (lo, hi)
}

/// Retags a verb as a finite past tense (`VBD`), for the repairs that find a participle is one.
fn past_tense(t: &mut crate::doc::Token) {
    t.xpos = "VBD".to_owned();
    t.feats = "Mood=Ind|Tense=Past|VerbForm=Fin".to_owned();
}

/// The preposition marking `x` (its `case` dependent), in lower case.
fn case_word(tokens: &[crate::doc::Token], x: usize) -> Option<String> {
    tokens
        .iter()
        .find(|t| t.head == Some(x) && t.deprel == "case")
        .map(|t| t.form.to_lowercase())
}

/// Words that open an adverbial clause, which the parser sometimes reads as prepositions.
const CLAUSE_OPENERS: [&str; 9] = [
    "after", "before", "since", "until", "till", "because", "as", "while", "once",
];

/// Where `n`'s phrase starts, when an opener marks it as a preposition of `n` ("after the
/// company …").
fn opened_phrase(tokens: &[crate::doc::Token], n: usize) -> Option<usize> {
    let start = subtree_bounds(tokens, n).0;
    let opener = tokens[start].form.to_lowercase();
    (tokens[start].head == Some(n)
        && tokens[start].deprel == "case"
        && CLAUSE_OPENERS.contains(&opener.as_str()))
    .then_some(start)
}

/// Makes `n` the subject of verb `v` and the opener at `start` its marker.
fn open_clause(tokens: &mut [crate::doc::Token], n: usize, start: usize, v: usize) {
    tokens[n].head = Some(v);
    tokens[n].deprel = "nsubj".to_owned();
    tokens[start].head = Some(v);
    tokens[start].deprel = "mark".to_owned();
    tokens[start].upos = crate::doc::Upos::Sconj;
}

fn has_child(tokens: &[crate::doc::Token], i: usize, rel: &str) -> bool {
    tokens
        .iter()
        .any(|t| t.head == Some(i) && (t.deprel == rel || t.deprel.split(':').next() == Some(rel)))
}

fn subordinate_clause_read_as_conjunct(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    // The clause read as a modifier of its own subject: "fled after Israeli strikes | killed 20
    // people", with "killed" a clausal modifier (acl) of "strikes".
    for v in 0..t.len() {
        if t[v].deprel != "acl"
            || !is_finite_verb(&t[v])
            || has_child(t, v, "nsubj")
            || has_child(t, v, "mark")
        {
            continue;
        }
        let Some(n) = t[v].head.filter(|&n| n < v) else {
            continue;
        };
        let Some(above) = t[n].head else {
            continue;
        };
        let Some(start) = opened_phrase(t, n) else {
            continue;
        };
        // The noun's own words end right before the verb.
        let own_end =
            (start..v).all(|k| k == n || t[k].head.is_some_and(|h| (start..v).contains(&h)));
        if !own_end || !matches!(t[n].deprel.as_str(), "obl" | "nmod") {
            continue;
        }
        t[v].head = Some(above);
        t[v].deprel = "advcl".to_owned();
        open_clause(t, n, start, v);
    }
    for v in 0..t.len() {
        // (A finite verb is no open complement: "fell 5 percent after the company | warned" has
        // it as one.)
        if !matches!(
            t[v].deprel.as_str(),
            "conj" | "advcl" | "parataxis" | "xcomp"
        ) || !is_finite_verb(&t[v])
            || has_child(t, v, "nsubj")
            || has_child(t, v, "cc")
        {
            continue;
        }
        let Some(h) = t[v].head.filter(|&h| h < v) else {
            continue;
        };
        // The noun phrase right before the verb, attached to the verb's head or to a word of its
        // clause ("fell 3 per cent after the company | reported …", under "cent").
        // The innermost such phrase that an opener starts ("fell against the yen | after the
        // Bank of Japan | spoke": both phrases end before the verb).
        let Some((n, start)) = (h + 1..v).find_map(|n| {
            let fits = t[n].head.is_some_and(|x| h <= x && x < n)
                && matches!(t[n].deprel.as_str(), "obl" | "nmod")
                && subtree_bounds(t, n).1 == v - 1;
            fits.then(|| opened_phrase(t, n).map(|start| (n, start)))
                .flatten()
        }) else {
            continue;
        };
        open_clause(t, n, start, v);
        t[v].deprel = "advcl".to_owned();
    }
}

fn participle_read_as_the_verb(sentence: &mut crate::doc::Sentence) {
    let t = &mut sentence.tokens;
    // A gerund the parser made a clausal subject ("Eating vegetables helps") is right.
    if t.len() < 3 || t[0].xpos != "VBG" || t[0].deprel.starts_with("csubj") {
        return;
    }
    // The participle's object is the noun phrase right after it ...
    let Some(n) = (1..t.len()).find(|&k| t[k].head == Some(0) && t[k].deprel == "obj") else {
        return;
    };
    let (lo, hi) = subtree_bounds(t, n);
    if lo != 1 || hi + 1 >= t.len() || !matches!(t[n].xpos.as_str(), "NNS" | "NN" | "NNPS" | "NNP")
    {
        return;
    }
    // ... and the finite verb right after that has no subject of its own.
    let f = hi + 1;
    if !is_finite_verb(&t[f])
        || matches!(t[f].deprel.as_str(), "cop" | "aux" | "aux:pass")
        || has_child(t, f, "nsubj")
    {
        return;
    }
    // The participle has no other dependents than these and punctuation.
    if (1..t.len()).any(|k| t[k].head == Some(0) && k != n && k != f && t[k].deprel != "punct") {
        return;
    }
    let participle_head = t[0].head;
    let participle_rel = std::mem::take(&mut t[0].deprel);
    // Where the participle stood for the clause (the root, or a clause of a saying verb that
    // the verb does not already fill), the verb takes its place.
    if t[f].head == Some(0) || t[f].head != participle_head {
        t[f].head = participle_head;
        t[f].deprel = participle_rel;
    }
    for x in t.iter_mut().skip(1) {
        if x.head == Some(0) {
            x.head = Some(f);
        }
    }
    t[n].head = Some(f);
    t[n].deprel = "nsubj".to_owned();
    t[0].head = Some(n);
    t[0].deprel = "amod".to_owned();
}

/// A leading article is not part of a name in the graph ("The World Bank" is the World Bank,
/// the node every other mention of it names), unless the gazetteer has the name with it ("The
/// Hague"). UNER sometimes includes it, so the recogniser's own output (and its UNER score)
/// keeps it; the pipeline drops it.
fn articles_off_names(sentence: &mut crate::doc::Sentence) {
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
fn names_as_units(sentence: &mut crate::doc::Sentence) {
    use crate::doc::{EntityType, Upos};
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
            if matches!(t.deprel.as_str(), "appos" | "list") && inside(t.head) {
                t.deprel = "flat".to_owned();
            }
        }
        for (i, t) in tokens.iter_mut().enumerate() {
            // (Not an adjective the parser coordinated with a piece of the name: "Kim Jong Un
            // and Russian | President Putin" has "Russian" a conjunct of "Un", which the name's
            // head must not inherit.)
            let stray_conjunct = t.deprel == "conj"
                && !matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num);
            if (i < m.start || i >= m.end)
                && inside(t.head)
                && t.head != Some(head)
                && !stray_conjunct
            {
                t.head = Some(head);
            }
        }
        let capitalised =
            |t: &crate::doc::Token| t.form.chars().next().is_some_and(char::is_uppercase);
        if let Some(p) = tokens[head].head.filter(|&p| p < m.start) {
            if matches!(tokens[head].deprel.as_str(), "list" | "appos")
                && tokens[p..m.start].iter().all(capitalised)
            {
                tokens[head].deprel = "flat".to_owned();
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
fn titles_read_as_heads(sentence: &mut crate::doc::Sentence) {
    use crate::doc::EntityType;
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
            || tokens[name].deprel != "appos"
            || !g.is_title(&tokens[title].form)
            || matches!(tokens[title].deprel.as_str(), "appos" | "root")
        {
            continue;
        }
        tokens[name].head = tokens[title].head;
        tokens[name].deprel = std::mem::replace(&mut tokens[title].deprel, "compound".into());
        tokens[title].head = Some(name);
        // The title's own modifiers ("Chinese", "the") stay on it.
    }
}

/// A capitalised word the tagger hardly saw, read as an adverb at the start of a sentence and
/// followed by its verb, is a name: "Zelensky later flew to Berlin" had "Zelensky" an adverb (its
/// ending and the adverb after it), and the sentence lost its subject. New adverbs end in "-ly";
/// rare old ones open a sentence without a verb right after ("Moreover there are …"). (The
/// verb may be read as a participle: "OpenAI named Sam Altman …".)
pub fn unknown_names_read_as_adverbs(
    sentence: &mut crate::doc::Sentence,
    tagger: &crate::tagger::Tagger,
) {
    use crate::doc::Upos;
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
        .find(|x| !matches!(x.xpos.as_str(), "RB" | "RBR"))
        .is_some_and(|x| matches!(x.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD" | "VBN"));
    if first.xpos == "RB"
        && title_case
        && verb_next
        && !lower.ends_with("ly")
        && !tagger.knows(&lower)
    {
        t[0].xpos = "NNP".to_owned();
        t[0].upos = Upos::Propn;
        t[0].feats = "Number=Sing".to_owned();
    }
}

/// The tag repairs that `syntax_models eval` measures on EWT: the second part of a hyphenated
/// name ([`hyphenated_names`]) and past tenses read as participles
/// ([`past_tense_before_an_object`]).
pub fn repair_tags(sentence: &mut crate::doc::Sentence) {
    hyphenated_names(sentence);
    past_tense_before_an_object(sentence);
    past_only_forms_read_as_participles(sentence);
    titles_end_in_a_noun(sentence);
    capitalised_nouns_inside_names(sentence);
    adjectives_read_as_nouns(sentence);
}

/// Words WordNet knows only as adjectives (see data/gazetteer/README.md).
const ADJECTIVES: &str = include_str!("../../../data/gazetteer/adjectives.txt");

/// "A jury found him guilty": the tagger read "guilty" as a common noun, so the parser made it
/// an object. A lowercase word tagged as a singular common noun that can only be an adjective
/// is one.
fn adjectives_read_as_nouns(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
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
        if t.xpos == "NN"
            && t.form.chars().all(|c| c.is_ascii_lowercase())
            && !participle
            && t.form != "online"
            && set.contains(t.form.as_str())
        {
            t.xpos = "JJ".to_owned();
            t.upos = Upos::Adj;
            t.feats = "Degree=Pos".to_owned();
        }
    }
}

/// "Chinese Foreign Minister Wang Yi": the tagger read "Wang" as a common noun, and the
/// recogniser, which reads the tags, then found no name. A capitalised word inside a sentence,
/// tagged as a common noun between two proper nouns, is a proper noun itself.
fn capitalised_nouns_inside_names(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    let proper = |x: &crate::doc::Token| {
        x.xpos.starts_with("NNP") && x.form.chars().next().is_some_and(char::is_uppercase)
    };
    let g = crate::gazetteer::gazetteer();
    for i in 1..t.len().saturating_sub(1) {
        if t[i].xpos != "NN" || !proper(&t[i - 1]) || !proper(&t[i + 1]) {
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
            t[i].xpos = "NNP".to_owned();
            t[i].upos = Upos::Propn;
        }
    }
}

/// "Boeing's chief executive Dave Calhoun": the tagger read "executive" as an adjective of
/// "chief", and the parser then made "chief" the subject beside the name. A title of several
/// words in the gazetteer ("chief executive", "foreign minister") ends in a noun.
fn titles_end_in_a_noun(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let g = crate::gazetteer::gazetteer();
    let t = &mut sentence.tokens;
    // Only an adjective can need it, so only before one is the title list looked up (the
    // look-up lowercases its words: not for every token).
    for j in 1..t.len() {
        let ends_a_title =
            t[j].xpos == "JJ" && (j.saturating_sub(3)..j).any(|s| g.title_at(t, s) == Some(j + 1));
        if ends_a_title {
            t[j].xpos = "NN".to_owned();
            t[j].upos = Upos::Noun;
            t[j].feats = "Number=Sing".to_owned();
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
fn past_only_forms_read_as_participles(sentence: &mut crate::doc::Sentence) {
    for t in &mut sentence.tokens {
        if t.xpos == "VBN" && PAST_ONLY.contains(&t.form.to_lowercase().as_str()) {
            past_tense(t);
        }
    }
}

/// A capitalised word glued by a hyphen to a proper noun is no verb but part of the name. The
/// tokeniser splits hyphens as EWT does ("Sam Bankman | - | Fried"), and the tagger, which sees
/// the part alone, read "Fried" as the participle of "fry": the parser then made it the
/// sentence's verb. (Only verbs: adjectives and nouns glued to names are often right as they are,
/// "US-Saudi", "Bush-Bashers".)
fn hyphenated_names(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &mut sentence.tokens;
    for i in 2..t.len() {
        let joined = t[i - 1].form == "-" && !t[i - 2].space_after && !t[i - 1].space_after;
        if joined
            && t[i - 2].xpos.starts_with("NNP")
            && t[i].form.chars().next().is_some_and(char::is_uppercase)
            && t[i].form.chars().any(char::is_lowercase)
            && t[i].xpos.starts_with("VB")
        {
            t[i].xpos = "NNP".to_owned();
            t[i].upos = Upos::Propn;
            t[i].feats = "Number=Sing".to_owned();
        }
    }
}

/// An all-capitals word of two or more letters that the tagger read as a pronoun, determiner or
/// wh-word ("WHO", "US", "IT") is an acronym in a sentence written in mixed case: the tagger's
/// features fold case, and the treebank has the words almost only in lower case. Re-tagged as a
/// proper noun before lemmatising and parsing. A sentence in capitals (a headline, shouting) is
/// left alone.
fn capitals_as_names(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
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
            t.xpos = "NNP".into();
        }
    }
}

/// Participles that take a noun phrase even when passive: "a man named Smith", "a firm called
/// Acme", "an area considered safe", "a letter dated 4 May".
const NAMING_PARTICIPLES: [&str; 15] = [
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
fn participle_only(form: &str) -> bool {
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
pub fn past_tense_before_an_object(sentence: &mut crate::doc::Sentence) {
    use crate::doc::Upos;
    let t = &sentence.tokens;
    let noun = |x: &crate::doc::Token| matches!(x.xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS");
    // Clauses end at punctuation, conjunctions, subordinators and wh-words.
    // ("after", "since" … also when the tagger read them as prepositions.)
    let boundary = |x: &&crate::doc::Token| {
        matches!(x.form.as_str(), "," | ";" | ":" | "--" | "(")
            || matches!(x.upos, Upos::Cconj | Upos::Sconj)
            || x.xpos.starts_with('W')
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
        let adjective = t[i].xpos == "JJ"
            && t[i].form == form
            && matches!(t[i - 1].xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS" | "CD")
            && crate::lemma::is_regular_past(&form);
        if t[i].xpos != "VBN" && !adjective {
            continue;
        }
        if NAMING_PARTICIPLES.contains(&form.as_str()) || participle_only(&form) {
            continue;
        }
        // After its subject's last word: a noun, or a number ending it ("an earthquake of
        // magnitude 6.4 struck …").
        let after_noun = matches!(t[i - 1].xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS" | "CD");
        // The noun phrase after it: a determiner, possessive, number or noun (an adjective
        // only when a noun follows it: "raised key rates", "struck southern Turkey").
        let next = &t[i + 1];
        // (A number after a number is a date or a code: "invoice 4327 dated 4/14/00".)
        let determined = matches!(next.xpos.as_str(), "DT" | "PRP$")
            || (next.xpos == "CD" && t[i - 1].xpos != "CD");
        // Or a number with its approximation: "killed at least 20 people", "more than 100",
        // "nearly 300".
        let word = |k: usize| t.get(k).map(|x| x.form.to_lowercase()).unwrap_or_default();
        let number_at = |k: usize| t.get(k).is_some_and(|x| x.xpos == "CD");
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
        let object = determined
            || noun(next)
            || quantified
            || (matches!(next.xpos.as_str(), "JJ" | "RB") && t.get(i + 2).is_some_and(noun));
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
            t[k].xpos == "VBG"
                && Some(&k) == clause.last()
                && t.get(k + 1).is_some_and(|x| noun(x) || x.xpos == "JJ")
        };
        let verb_before = clause.iter().any(|&k| {
            let x = &t[k];
            (matches!(x.upos, Upos::Aux | Upos::Verb) || x.xpos.starts_with("VB") || x.xpos == "MD")
                && !opening_participle(k)
        });
        // Nor a finite verb later in the same clause, which the participle's noun would then be
        // the subject of: "The bills sold yesterday settle today", "the infantry based part of
        // the doctrine demanded …".
        let verb_after = t[i + 1..]
            .iter()
            .take_while(|x| !boundary(x))
            .any(|x| matches!(x.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"));
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
    use crate::doc::{Sentence, Token, Upos};

    /// Tokens as `form/UPOS/XPOS`, separated by spaces.
    fn tagged(text: &str) -> Sentence {
        Sentence {
            tokens: text
                .split(' ')
                .map(|w| {
                    let f: Vec<&str> = w.split('/').collect();
                    Token {
                        form: f[0].into(),
                        upos: Upos::parse(f[1]).unwrap(),
                        xpos: f[2].into(),
                        ..Token::default()
                    }
                })
                .collect(),
            ..Sentence::default()
        }
    }

    fn xpos(s: &Sentence) -> Vec<&str> {
        s.tokens.iter().map(|t| t.xpos.as_str()).collect()
    }

    /// Tokens as `form/head/deprel` or `form/head/deprel/XPOS` (heads 1-based, 0 for the root)
    /// and the given mentions.
    fn parsed(text: &str, mentions: &[(usize, usize, crate::doc::EntityType)]) -> Sentence {
        Sentence {
            tokens: text
                .split(' ')
                .map(|w| {
                    let f: Vec<&str> = w.split('/').collect();
                    Token {
                        form: f[0].into(),
                        head: f[1].parse::<usize>().unwrap().checked_sub(1),
                        deprel: f[2].into(),
                        xpos: f.get(3).copied().unwrap_or_default().into(),
                        ..Token::default()
                    }
                })
                .collect(),
            mentions: mentions
                .iter()
                .map(|&(start, end, kind)| crate::doc::Mention {
                    start,
                    end,
                    kind,
                    refers_to: None,
                    external_id: None,
                })
                .collect(),
            ..Sentence::default()
        }
    }

    fn tree(s: &Sentence) -> Vec<String> {
        s.tokens
            .iter()
            .map(|t| format!("{}/{}/{}", t.form, t.head.map_or(0, |h| h + 1), t.deprel))
            .collect()
    }

    #[test]
    fn a_clause_opened_by_after_is_no_oblique_and_conjunct() {
        // "Crews cleared roads after the storm passed": the parser's reading.
        let mut s = parsed(
            "Crews/2/nsubj/NNS cleared/0/root/VBD roads/2/obj/NNS after/6/case/IN the/6/det/DT \
             storm/2/obl/NN passed/2/conj/VBD ./2/punct/.",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[3..7],
            [
                "after/7/mark",
                "the/6/det",
                "storm/7/nsubj",
                "passed/2/advcl"
            ]
        );
        // The same with the verb an adverbial clause of its own: "Talks began as the union
        // voted".
        let mut s = parsed(
            "Talks/2/nsubj/NNS began/0/root/VBD as/5/case/IN the/5/det/DT union/2/obl/NN \
             voted/2/advcl/VBD",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            ["as/6/mark", "the/5/det", "union/6/nsubj", "voted/2/advcl"]
        );
        // The verb read as an open complement, the noun phrase under the object: "Shares fell 5
        // percent after the company warned".
        let mut s = parsed(
            "Shares/2/nsubj/NNS fell/0/root/VBD 5/4/nummod/CD percent/2/obj/NN after/7/case/IN \
             the/7/det/DT company/4/nmod/NN warned/2/xcomp/VBD",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[4..],
            [
                "after/8/mark",
                "the/7/det",
                "company/8/nsubj",
                "warned/2/advcl"
            ]
        );
        // The phrase the opener starts lies inside another that ends before the verb: "The
        // dollar fell against the yen after the bank spoke".
        let mut s = parsed(
            "The/2/det/DT dollar/3/nsubj/NN fell/0/root/VBD against/6/case/IN the/6/det/DT \
             yen/3/obl/NN after/9/case/IN the/9/det/DT bank/6/nmod/NN spoke/3/conj/VBD",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[5..],
            [
                "yen/3/obl",
                "after/10/mark",
                "the/9/det",
                "bank/10/nsubj",
                "spoke/3/advcl"
            ]
        );
        // The clause read as a modifier of its own subject: "fled after the strikes killed 20
        // people", "killed" an acl of "strikes".
        let mut s = parsed(
            "People/2/nsubj/NNS fled/0/root/VBD after/5/case/IN the/5/det/DT strikes/2/obl/NNS \
             killed/5/acl/VBD people/6/obj/NNS",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            [
                "after/6/mark",
                "the/5/det",
                "strikes/6/nsubj",
                "killed/2/advcl",
                "people/6/obj"
            ]
        );
        // A true conjunct stays: "and" joins it, or it has a subject, or no opener precedes it.
        for text in [
            "Crews/2/nsubj/NNS cleared/0/root/VBD roads/2/obj/NNS after/6/case/IN the/6/det/DT \
             storm/2/obl/NN and/8/cc/CC left/2/conj/VBD",
            "Crews/2/nsubj/NNS cleared/0/root/VBD roads/2/obj/NNS with/6/case/IN the/6/det/DT \
             army/2/obl/NN left/2/conj/VBD",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_second_preposition_on_one_noun_marks_the_phrase_before_it() {
        // "Erdogan met with Swedish Minister Ulf Kristersson on the sidelines", as the parser
        // read it: "with" and "on" both on "sidelines", the name a subject and an object.
        let mut s = parsed(
            "Erdogan/2/nsubj/NNP met/0/root/VBD with/10/case/IN Swedish/10/nsubj/NNP \
             Minister/6/nmod/NNP Ulf/4/obj/NNP Kristersson/6/flat/NNP on/10/case/IN \
             the/10/det/DT sidelines/2/obl/NNS ./2/punct/.",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            [
                "with/7/case",
                "Swedish/7/compound",
                "Minister/6/nmod",
                "Ulf/7/compound",
                "Kristersson/2/obl",
                "on/10/case",
                "the/10/det",
                "sidelines/2/obl",
                "./2/punct"
            ]
        );
        // The phrase's head is its first noun run's last noun: "with the president | of France".
        let mut s = parsed(
            "Kim/2/nsubj/NNP met/0/root/VBD with/10/case/IN the/5/det/DT president/10/nsubj/NN \
             of/7/case/IN France/5/nmod/NNP on/10/case/IN the/10/det/DT sidelines/2/obl/NNS",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..7],
            [
                "with/5/case",
                "the/5/det",
                "president/2/obl",
                "of/7/case",
                "France/5/nmod"
            ]
        );
        // Two prepositions with no noun between them, or a clause between them, stay.
        for text in [
            "Tourists/2/nsubj/NNS came/0/root/VBD from/6/case/IN all/6/det/DT over/6/case/IN \
             the/6/det/DT world/2/obl/NN",
            "Crews/2/nsubj/NNS worked/0/root/VBD for/7/case/IN roads/7/nsubj/NNS closed/7/acl/VBN \
             in/7/case/IN winter/2/obl/NN",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_form_that_is_only_a_past_tense_is_no_participle() {
        let mut s = tagged("Oil/NOUN/NN prices/NOUN/NNS rose/VERB/VBN by/ADP/IN 3/NUM/CD");
        repair_tags(&mut s);
        assert_eq!(xpos(&s), ["NN", "NNS", "VBD", "IN", "CD"]);
        // A participle form stays one: "has risen", "was struck" ("struck" is both).
        for text in [
            "Prices/NOUN/NNS have/AUX/VBP risen/VERB/VBN",
            "It/PRON/PRP was/AUX/VBD struck/VERB/VBN",
        ] {
            let mut s = tagged(text);
            repair_tags(&mut s);
            assert_eq!(xpos(&s)[2], "VBN", "{text}");
        }
    }

    #[test]
    fn a_place_word_before_the_object_is_its_preposition() {
        let mut s = parsed(
            "Crowds/2/nsubj/NNS gathered/0/root/VBD outside/2/advmod/RB the/5/det/DT \
             parliament/2/obj/NN",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..],
            ["outside/5/case", "the/5/det", "parliament/2/obl"]
        );
        // Not when something else comes between ("waited outside, then entered the hall"), or
        // the word is no place word ("then").
        for text in [
            "Crowds/2/nsubj/NNS waited/0/root/VBD outside/2/advmod/RB ,/2/punct/, \
             the/6/det/DT police/2/obj/NNS",
            "Crowds/2/nsubj/NNS entered/0/root/VBD then/2/advmod/RB the/5/det/DT \
             hall/2/obj/NN",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_by_phrase_in_a_passive_verbs_complement_is_its_agent() {
        let text = "He/3/nsubj:pass/PRP was/3/aux:pass/VBD convicted/0/root/VBN of/5/case/IN \
                    fraud/3/obl/NN by/8/case/IN a/8/det/DT jury/5/nmod/NN";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[7], "jury/3/obl:agent");
        // Not when the verb has its agent, is active, or the phrase is no "by" phrase.
        for text in [
            "He/3/nsubj:pass/PRP was/3/aux:pass/VBD convicted/0/root/VBN of/5/case/IN \
             fraud/3/obl/NN by/8/case/IN a/8/det/DT jury/5/nmod/NN by/11/case/IN the/11/det/DT \
             court/3/obl:agent/NN",
            "They/2/nsubj/PRP accused/0/root/VBD him/2/obj/PRP of/5/case/IN fraud/2/obl/NN \
             by/7/case/IN proxy/5/nmod/NN",
            "He/3/nsubj:pass/PRP was/3/aux:pass/VBD charged/0/root/VBN with/5/case/IN \
             fraud/3/obl/NN in/7/case/IN court/5/nmod/NN",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_by_phrase_deeper_in_the_complement_is_the_agent_when_it_can_act() {
        let text = "He/3/nsubj:pass/PRP was/3/aux:pass/VBD found/0/root/VBN guilty/3/xcomp/JJ \
                    on/6/case/IN counts/3/obl/NNS of/8/mark/IN falsifying/6/acl/VBG \
                    records/8/obj/NNS by/12/case/IN a/12/det/DT jury/8/obl/NN";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[11], "jury/3/obl:agent");
        // "by hand" acts on nothing.
        let text = "He/3/nsubj:pass/PRP was/3/aux:pass/VBD found/0/root/VBN guilty/3/xcomp/JJ \
                    on/6/case/IN counts/3/obl/NNS of/8/mark/IN falsifying/6/acl/VBG \
                    records/8/obj/NNS by/11/case/IN hand/8/obl/NN";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_score_hung_on_the_object_is_the_verbs_with_what_hangs_on_it() {
        // "Madrid beat Dortmund 2-0 at Wembley on Saturday", as the parser read it.
        let text = "Madrid/2/nsubj/NNP beat/0/root/VBD Dortmund/2/obj/NNP 2-0/3/nmod:unmarked/CD \
                    at/6/case/IN Wembley/4/nmod/NNP on/8/case/IN Saturday/4/nmod/NNP";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        let got = tree(&s);
        assert_eq!(got[3], "2-0/2/obl:unmarked");
        assert_eq!(
            (got[5].as_str(), got[7].as_str()),
            ("Wembley/2/obl", "Saturday/2/obl")
        );
        // Not a code or a range after a common noun ("access code 600-480"), nor one on a
        // subject.
        for text in [
            "They/2/nsubj/PRP entered/0/root/VBD code/2/obj/NN 600-480/3/nmod/CD",
            "Madrid/3/nsubj/NNP 2-0/1/nmod/CD won/0/root/VBD",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_name_read_as_part_of_a_time_is_the_object() {
        // "Putin will visit Beijing next month", as the parser read it.
        let text = "Putin/3/nsubj/NNP will/3/aux/MD visit/0/root/VB Beijing/6/compound/NNP \
                    next/6/amod/JJ month/3/obl:unmarked/NN ./3/punct/.";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "Beijing/3/obj");
        // Not when the verb has an object, nor a common noun ("the trade fair next week"),
        // nor a name inside a prepositional phrase.
        for text in [
            "Putin/2/nsubj/NNP visited/0/root/VBD China/2/obj/NNP Beijing/6/compound/NNP \
             next/6/amod/JJ month/2/obl:unmarked/NN",
            "It/3/nsubj:pass/PRP was/3/aux:pass/VBD released/0/root/VBN by/6/case/IN \
             Global/6/compound/NNP Change/8/compound/NNP last/8/amod/JJ week/3/obl:unmarked/NN",
            "Putin/2/nsubj/NNP visits/0/root/VBZ fair/5/compound/NN next/5/amod/JJ \
             week/2/obl:unmarked/NN",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn an_adjective_after_the_object_is_said_of_it() {
        let text = "The/3/det/DT Fed/3/compound/NNP held/0/root/VBD interest/5/compound/NN \
                    rates/3/obj/NNS steady/5/amod/JJ on/8/case/IN Wednesday/6/obl/NNP";
        let mut s = parsed(text, &[]);
        s.tokens[2].lemma = "hold".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5], "steady/3/xcomp");
        // Not after a verb that takes no such predicate, nor an adjective with its own
        // complement, nor one that follows its noun by habit.
        for (text, verb) in [
            (
                "They/2/nsubj/PRP sold/0/root/VBD shares/2/obj/NNS steady/3/amod/JJ",
                "sell",
            ),
            (
                "We/2/nsubj/PRP found/0/root/VBD issues/2/obj/NNS related/3/amod/JJ \
                 to/6/case/IN tax/4/obl/NN",
                "find",
            ),
            (
                "We/2/nsubj/PRP made/0/root/VBD the/4/det/DT money/2/obj/NN \
                 available/4/amod/JJ",
                "make",
            ),
        ] {
            let mut s = parsed(text, &[]);
            s.tokens[1].lemma = verb.into();
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn an_opening_adjective_read_as_the_root_modifies_the_noun_after_it() {
        // "Former U.S. President Donald Trump was found guilty.", as the parser read it.
        let mut s = parsed(
            "Former/0/root/JJ U.S./3/compound/NNP President/4/nmod:desc/NNP \
             Donald/7/nsubj:pass/NNP Trump/4/flat/NNP was/7/aux:pass/VBD found/1/advcl/VBN \
             guilty/7/xcomp/JJ ./1/punct/.",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[0], "Former/3/amod");
        assert_eq!(tree(&s)[6], "found/0/root");
        assert_eq!(tree(&s)[8], "./7/punct");
        // Not without a subject of the verb, nor without a noun after the adjective.
        for text in [
            "Happy/0/root/JJ to/3/mark/TO help/1/xcomp/VB ./1/punct/.",
            "Glad/0/root/JJ he/3/nsubj/PRP came/1/ccomp/VBD",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
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
            repair_tags(&mut s);
            assert_eq!(xpos(&s)[1], "VBD", "{text}");
        }
        // "at" before a place is no approximation: "the man killed at home".
        let mut s = tagged("the/DET/DT man/NOUN/NN killed/VERB/VBN at/ADP/IN home/NOUN/NN");
        repair_tags(&mut s);
        assert_eq!(xpos(&s)[2], "VBN");
    }

    #[test]
    fn a_finite_verb_read_as_a_modifier_of_the_root_noun_is_the_root() {
        // "Sudan's army and the Forces agreed to a ceasefire", as the parser read it.
        let mut s = parsed(
            "Sudan/3/nmod:poss/NNP 's/1/case/POS army/0/root/NN and/6/cc/CC the/6/det/DT \
             Forces/3/conj/NNS agreed/6/acl/VBD to/10/case/IN a/10/det/DT ceasefire/7/obl/NN \
             ./3/punct/.",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[2..8],
            [
                "army/7/nsubj",
                "and/6/cc",
                "the/6/det",
                "Forces/3/conj",
                "agreed/0/root",
                "to/10/case"
            ]
        );
        assert_eq!(tree(&s)[10], "./7/punct");
        // Not a relative clause, nor when the sentence has another finite verb.
        for text in [
            "the/2/det/DT army/0/root/NN that/4/nsubj/WDT agreed/2/acl/VBD",
            "the/2/det/DT army/0/root/NN agreed/2/acl/VBD and/5/cc/CC left/2/conj/VBD",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_capitalised_common_noun_between_proper_nouns_is_one() {
        let mut s =
            tagged("Foreign/ADJ/NNP Minister/PROPN/NNP Wang/NOUN/NN Yi/PROPN/NNP said/VERB/VBD");
        repair_tags(&mut s);
        assert_eq!(xpos(&s)[2], "NNP");
        // Not a title ("NASA Administrator Mike Griffin"), nor a word in lowercase.
        for text in [
            "NASA/PROPN/NNP Administrator/NOUN/NN Mike/PROPN/NNP",
            "Paris/PROPN/NNP office/NOUN/NN Ana/PROPN/NNP",
        ] {
            let mut s = tagged(text);
            repair_tags(&mut s);
            assert_eq!(xpos(&s)[1], "NN", "{text}");
        }
    }

    #[test]
    fn a_name_hung_on_the_means_of_a_verb_is_the_verbs_partner() {
        let text = "Modi/2/nsubj/NNP spoke/0/root/VBD by/4/case/IN phone/2/obl/NN with/6/case/IN \
                    Zelensky/4/nmod/NNP";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[5], "Zelensky/2/obl");
        // A name that is the means' own stays: "by a letter to the Times" is no partner's.
        let text =
            "She/2/nsubj/PRP replied/0/root/VBD in/4/case/IN letters/2/obl/NNS to/6/case/IN \
                    Times/4/nmod/NNP";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_verb_after_a_parenthetical_is_the_root() {
        // "The militants, who had crossed, attacked a station", as the parser read it.
        let mut s = parsed(
            "The/2/det/DT militants/0/root/NNS ,/6/punct/, who/6/nsubj/WP had/6/aux/VBD \
             crossed/2/acl:relcl/VBN ,/8/punct/, attacked/6/advcl/VBN a/10/det/DT \
             station/8/obj/NN ./2/punct/.",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(tree(&s)[1], "militants/8/nsubj");
        assert_eq!(tree(&s)[7], "attacked/0/root");
        assert_eq!(tree(&s)[10], "./8/punct");
        assert_eq!(s.tokens[7].xpos, "VBD");
        // The object of a verb of saying: "Officials said the fire, which started in a
        // kitchen, spread".
        let mut s = parsed(
            "Officials/2/nsubj/NNS said/0/root/VBD the/4/det/DT fire/2/obj/NN ,/7/punct/, \
             which/7/nsubj/WDT started/4/acl:relcl/VBD ,/9/punct/, spread/7/conj/VBN \
             ./2/punct/.",
            &[],
        );
        s.tokens[1].lemma = "say".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "fire/9/nsubj");
        assert_eq!(tree(&s)[8], "spread/2/ccomp");
        // The same with the verb hung on the noun itself.
        let mut s = parsed(
            "Officials/2/nsubj/NNS said/0/root/VBD the/4/det/DT fire/2/obj/NN ,/7/punct/, \
             which/7/nsubj/WDT started/4/acl:relcl/VBD ,/9/punct/, spread/4/acl/VBN \
             ./2/punct/.",
            &[],
        );
        s.tokens[1].lemma = "say".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[8], "spread/2/ccomp");
        // Not after a prepositional phrase, nor after a clause of its own.
        for text in [
            "In/2/case/IN words/0/root/NNS ,/5/punct/, they/5/nsubj/PRP were/2/parataxis/VBD \
             ,/7/punct/, mired/5/advcl/VBN",
            "Officials/0/root/NNS ,/4/punct/, police/4/nsubj/NNS said/1/parataxis/VBD \
             ,/6/punct/, left/4/advcl/VBN",
        ] {
            let mut s = parsed(text, &[]);
            repair_tree(&mut s);
            assert_eq!(tree(&s), tree(&parsed(text, &[])), "{text}");
        }
    }

    #[test]
    fn a_name_before_the_number_of_an_amount_is_the_indirect_object() {
        let text = "Brussels/2/nsubj/NNP fined/0/root/VBD Apple/6/compound/NNP 1.8/5/compound/CD \
                    billion/6/nummod/CD euros/2/obj/NNS";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "Apple/2/iobj");
        // A name compounded with the object and no number after it stays: "bought Apple shares".
        let text = "They/2/nsubj/PRP bought/0/root/VBD Apple/4/compound/NNP shares/2/obj/NNS";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_word_that_can_only_be_an_adjective_is_one() {
        let mut s = tagged("found/VERB/VBD him/PRON/PRP guilty/NOUN/NN");
        repair_tags(&mut s);
        assert_eq!(xpos(&s)[2], "JJ");
        // A noun stays one ("a guilty verdict" aside, "verdict" is a noun), and so do
        // participles EWT tags as nouns or verbs ("a thought provoking film").
        for text in [
            "the/DET/DT verdict/NOUN/NN",
            "thought/NOUN/NN provoking/NOUN/NN",
        ] {
            let mut s = tagged(text);
            repair_tags(&mut s);
            assert_eq!(xpos(&s)[1], "NN", "{text}");
        }
    }

    #[test]
    fn a_title_of_several_words_ends_in_a_noun() {
        let mut s =
            tagged("Boeing/PROPN/NNP 's/PART/POS chief/NOUN/NN executive/ADJ/JJ Dave/PROPN/NNP");
        repair_tags(&mut s);
        assert_eq!(xpos(&s)[3], "NN");
        // An adjective that ends no title stays one: "an executive order".
        let mut s = tagged("an/DET/DT executive/ADJ/JJ order/NOUN/NN");
        repair_tags(&mut s);
        assert_eq!(xpos(&s)[1], "JJ");
    }

    #[test]
    fn an_opening_participle_modifies_the_subject() {
        // "Protesting farmers blocked roads, police said", as the parser read it.
        let text = "Protesting/7/ccomp/VBG farmers/1/obj/NNS blocked/7/ccomp/VBD roads/3/obj/NNS \
                    ,/3/punct/, police/7/nsubj/NNS said/0/root/VBD";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[..3],
            ["Protesting/2/amod", "farmers/3/nsubj", "blocked/7/ccomp"]
        );
        // The participle as the whole sentence's root: the verb takes its place.
        let mut s = parsed(
            "Rising/0/root/VBG prices/1/obj/NNS hurt/1/parataxis/VBD shops/3/obj/NNS",
            &[],
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "Rising/2/amod",
                "prices/3/nsubj",
                "hurt/0/root",
                "shops/3/obj"
            ]
        );
        // A gerund subject is right as it is.
        let text = "Eating/3/csubj/VBG vegetables/1/obj/NNS helps/0/root/VBZ digestion/3/obj/NN";
        let mut s = parsed(text, &[]);
        repair_tree(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_leading_article_is_not_part_of_a_name() {
        use crate::doc::EntityType::{Organization, Place};
        let mut s = parsed(
            "The/2/det Fund/3/nsubj said/0/root the/5/det Hague/3/obj",
            &[(0, 2, Organization), (3, 5, Place)],
        );
        articles_off_names(&mut s);
        let spans: Vec<(usize, usize)> = s.mentions.iter().map(|m| (m.start, m.end)).collect();
        // "The Hague" is a gazetteer name with its article; "Fund" alone stays a name.
        assert_eq!(spans, [(1, 2), (3, 5)]);
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
        assert_eq!(xpos(&s), ["NNP", "NNP", "HYPH", "NNP", "VBD"]);
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
            let before = xpos(&s).join(" ");
            hyphenated_names(&mut s);
            assert_eq!(xpos(&s).join(" "), before, "{text}");
        }
    }

    #[test]
    fn a_bare_noun_after_a_verb_without_object_is_its_object() {
        // "A judge sentenced Ana Lima to ten years on Friday", as the parser read it.
        let mut s = parsed(
            "judge/2/nsubj/NN sentenced/0/root/VBD Ana/2/obl/NNP Lima/3/flat/NNP to/7/case/IN \
             ten/7/nummod/CD years/3/obl/NNS on/9/case/IN Friday/3/obl/NNP",
            &[],
        );
        for (t, u) in s
            .tokens
            .iter_mut()
            .zip([Upos::Noun, Upos::Verb, Upos::Propn, Upos::Propn])
        {
            t.upos = u;
        }
        repair_tree(&mut s);
        assert_eq!(tree(&s)[2], "Ana/2/obj");
        assert_eq!(tree(&s)[6], "years/2/obl");
        assert_eq!(tree(&s)[8], "Friday/2/obl");
        // With a preposition, or when the verb has an object, an oblique stays one.
        let text = "judge/2/nsubj/NN spoke/0/root/VBD of/4/case/IN Ana/2/obl/NNP";
        let mut s = parsed(text, &[]);
        s.tokens[1].upos = Upos::Verb;
        s.tokens[3].upos = Upos::Propn;
        let before = tree(&s);
        repair_tree(&mut s);
        assert_eq!(tree(&s), before);
    }

    #[test]
    fn a_sentence_read_as_a_noun_with_a_participle_has_its_verb_back() {
        let reading = |text: &str| {
            let mut s = parsed(text, &[]);
            for t in &mut s.tokens {
                t.upos = match t.xpos.as_str() {
                    "NN" => Upos::Noun,
                    "VBN" | "VBD" => Upos::Verb,
                    _ => Upos::X,
                };
            }
            s
        };
        // "The river flooded across the valley ." as the parser read it.
        let mut s = reading(
            "The/2/det/DT river/0/root/NN flooded/2/acl/VBN across/6/case/IN the/6/det/DT \
             valley/3/obl/NN ./2/punct/.",
        );
        repair_tree(&mut s);
        assert_eq!(
            tree(&s)[..3],
            ["The/2/det", "river/3/nsubj", "flooded/0/root"]
        );
        assert_eq!(tree(&s)[6], "./3/punct");
        assert_eq!(s.tokens[2].xpos, "VBD");
        // A passive with its agent, a fragment without determiner, and a sentence with a verb
        // elsewhere stay as they are.
        for text in [
            "The/2/det/DT river/0/root/NN flooded/2/acl/VBN by/5/case/IN rain/3/obl/NN ./2/punct/.",
            "River/0/root/NN flooded/1/acl/VBN across/5/case/IN the/5/det/DT valley/2/obl/NN \
             ./1/punct/.",
            "The/2/det/DT river/5/nsubj/NN flooded/2/acl/VBN again/3/advmod/RB rose/0/root/VBD \
             ./5/punct/.",
        ] {
            let mut s = reading(text);
            let before = tree(&s);
            repair_tree(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }

    #[test]
    fn a_coordinated_subject_read_as_a_relative_clause_is_the_subject() {
        let mut s = parsed(
            "German/2/amod Chancellor/0/root Scholz/2/flat and/6/cc French/6/amod \
             Macron/7/nsubj agreed/2/acl:relcl to/9/mark act/7/xcomp ./2/punct",
            &[],
        );
        for (i, u) in [
            (1, Upos::Propn),
            (2, Upos::Propn),
            (5, Upos::Propn),
            (6, Upos::Verb),
        ] {
            s.tokens[i].upos = u;
        }
        repair_tree(&mut s);
        assert_eq!(
            tree(&s),
            [
                "German/2/amod",
                "Chancellor/7/nsubj",
                "Scholz/2/flat",
                "and/6/cc",
                "French/6/amod",
                "Macron/2/conj",
                "agreed/0/root",
                "to/9/mark",
                "act/7/xcomp",
                "./7/punct"
            ]
        );
        // A true relative clause ("the chancellor and those who agreed") and one without a
        // coordinated subject ("the chancellor Macron praised") are left alone.
        for text in [
            "Chancellor/0/root and/3/cc Macron/5/nsubj who/5/nsubj/WP agreed/1/acl:relcl",
            "Chancellor/0/root Macron/3/nsubj praised/1/acl:relcl",
            // Not two names: "time … any and all info is appreciated".
            "time/0/root any/4/amod and/4/cc all/5/det info/6/nsubj:pass appreciated/1/acl:relcl",
        ] {
            let mut s = parsed(text, &[]);
            s.tokens[0].upos = Upos::Propn;
            let v = s.tokens.len() - 1;
            s.tokens[v].upos = Upos::Verb;
            let before = tree(&s);
            repair_tree(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }

    #[test]
    fn a_coordinated_subject_split_into_two_dependents_is_one_subject() {
        // "Chancellor Scholz and President Macron met in Paris", the first name an oblique.
        let text = "Chancellor/6/obl:unmarked Scholz/1/flat and/4/cc President/5/nmod:desc \
                    Macron/6/nsubj met/0/root in/8/case Paris/6/obl";
        let mut s = parsed(text, &[]);
        for (i, u) in [
            (0, Upos::Noun),
            (1, Upos::Propn),
            (3, Upos::Propn),
            (4, Upos::Propn),
            (5, Upos::Verb),
        ] {
            s.tokens[i].upos = u;
        }
        repair_tree(&mut s);
        let got = tree(&s);
        assert_eq!(got[0], "Chancellor/6/nsubj");
        assert_eq!(got[2], "and/5/cc");
        assert_eq!(got[4], "Macron/1/conj");
        // Two subjects with the "and" hung on the verb: "The United States and Britain struck".
        let text = "The/3/det United/3/amod States/6/nsubj and/6/cc Britain/6/nsubj \
                    struck/0/root";
        let mut s = parsed(text, &[]);
        for (i, u) in [
            (1, Upos::Adj),
            (2, Upos::Propn),
            (4, Upos::Propn),
            (5, Upos::Verb),
        ] {
            s.tokens[i].upos = u;
        }
        repair_tree(&mut s);
        let got = tree(&s);
        assert_eq!(got[2], "States/6/nsubj");
        assert_eq!(got[3], "and/5/cc");
        assert_eq!(got[4], "Britain/3/conj");
        // A first phrase with a preposition, or without an "and" in the subject, stays.
        for text in [
            "In/2/case Paris/6/obl:unmarked and/5/cc President/5/nmod:desc Macron/6/nsubj \
             met/0/root",
            "Yesterday/3/obl:unmarked Macron/3/nsubj met/0/root",
            // A common noun with a name inside: two clauses, not one subject.
            "peace/8/nsubj in/4/case Holy/4/amod Land/1/nmod and/7/cc the/7/det \
             Palestinians/8/nsubj suffer/0/root",
            // The "and" joins the first phrase's own conjunct.
            "Monday/5/obl:unmarked and/3/cc Tuesday/1/conj Macron/5/nsubj met/0/root",
        ] {
            let mut s = parsed(text, &[]);
            for t in &mut s.tokens {
                t.upos = match t.form.as_str() {
                    "met" | "suffer" => Upos::Verb,
                    "peace" => Upos::Noun,
                    _ => Upos::Propn,
                };
            }
            let before = tree(&s);
            repair_tree(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }

    #[test]
    fn what_was_told_is_no_relative_clause_of_the_listener() {
        // "Officials told reporters that prices would fall", as the parser read it.
        let mut s = parsed(
            "Officials/2/nsubj/NNS told/0/root/VBD reporters/2/obj/NNS that/7/obj/WDT \
             prices/7/nsubj/NNS would/7/aux/MD fall/3/acl:relcl/VB ./2/punct/.",
            &[],
        );
        s.tokens[1].lemma = "tell".into();
        repair_tree(&mut s);
        assert_eq!(tree(&s)[3], "that/7/mark");
        assert_eq!(tree(&s)[6], "fall/2/ccomp");
        // A relative clause without a subject of its own stays one ("told reporters that
        // waited outside").
        let text = "Officials/2/nsubj/NNS told/0/root/VBD reporters/2/obj/NNS that/5/nsubj/WDT \
                    waited/3/acl:relcl/VBD outside/5/advmod/RB";
        let mut s = parsed(text, &[]);
        s.tokens[1].lemma = "tell".into();
        let before = tree(&s);
        repair_tree(&mut s);
        assert_eq!(tree(&s), before);
    }

    #[test]
    fn a_name_split_by_the_parser_is_one_unit_with_the_modifiers() {
        use crate::doc::EntityType::{Other, Person};
        // "Lima" read as an apposition of "Ana", with the clause's place and time under it.
        let mut s = parsed(
            "They/2/nsubj met/0/root Ana/2/obj Lima/3/appos in/6/case Oslo/4/nmod on/8/case \
             Friday/4/nmod ./2/punct",
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
            "Brazilian/5/nsubj Senator/1/flat Ana/1/list Lima/3/flat spoke/0/root",
            &[(0, 1, Other), (2, 4, Person)],
        );
        names_as_units(&mut s);
        assert_eq!(tree(&s)[2], "Ana/1/flat");

        // A conjunct hung on a piece of the name moves to its head if it is a noun, not if it
        // is an adjective the parser coordinated ("Ana Lima and Danish | Premier Lars Holm").
        for (upos, moved) in [(Upos::Propn, "Tom/1/conj"), (Upos::Adj, "Danish/2/conj")] {
            let mut s = parsed(
                "Ana/5/nsubj Lima/1/flat and/4/cc X/2/conj spoke/0/root",
                &[(0, 2, Person)],
            );
            s.tokens[3].upos = upos;
            s.tokens[3].form = moved.split('/').next().unwrap().into();
            names_as_units(&mut s);
            assert_eq!(tree(&s)[3], moved);
        }

        // Left alone: a list set off by a comma, and a mention that is no subtree.
        let text = "Oslo/4/nsubj ,/3/punct Ana/1/list spoke/0/root";
        let mut s = parsed(text, &[(2, 3, Person)]);
        names_as_units(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
        let text = "Ana/3/nsubj Lima/4/obj met/0/root Tom/3/obj";
        let mut s = parsed(text, &[(0, 2, Person)]);
        names_as_units(&mut s);
        assert_eq!(tree(&s), tree(&parsed(text, &[])));
    }

    #[test]
    fn a_title_read_as_the_head_of_the_name_after_it_is_its_modifier() {
        use crate::doc::EntityType::{Person, Place};
        // "met Chinese leader Xi Jinping in Beijing", as the parser read it.
        let mut s = parsed(
            "Lula/2/nsubj met/0/root Chinese/4/amod leader/2/obj Xi/6/compound Jinping/4/appos \
             in/8/case Beijing/6/nmod ./2/punct",
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
            "Lula/2/nsubj met/0/root the/4/det leader/2/obj ,/7/punct Xi/7/compound \
             Jinping/4/appos",
            "Lula/2/nsubj met/0/root the/4/det man/2/obj Xi/6/compound Jinping/4/appos",
        ] {
            let n = text.split_whitespace().count();
            let mut s = parsed(text, &[(n - 2, n, Person)]);
            let before = tree(&s);
            titles_read_as_heads(&mut s);
            assert_eq!(tree(&s), before, "{text}");
        }
    }

    #[test]
    fn a_participle_with_an_object_after_its_subject_is_a_past_tense() {
        let mut s =
            tagged("The/DET/DT bank/NOUN/NN raised/VERB/VBN key/ADJ/JJ rates/NOUN/NNS ./PUNCT/.");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s), ["DT", "NN", "VBD", "JJ", "NNS", "."]);
        assert_eq!(s.tokens[2].upos, Upos::Verb);
        let mut s =
            tagged("Guards/NOUN/NNS fired/VERB/VBN warning/NOUN/NN shots/NOUN/NNS ./PUNCT/.");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[1], "VBD");
        // A regular past read as an adjective ("dissolved oxygen").
        let mut s =
            tagged("The/DET/DT president/NOUN/NN dissolved/ADJ/JJ parliament/NOUN/NN ./PUNCT/.");
        past_tense_before_an_object(&mut s);
        assert_eq!((xpos(&s)[2], s.tokens[2].upos), ("VBD", Upos::Verb));
        // Not an adjective that is no verb's past ("the red one"), nor one after a verb.
        for text in [
            "The/DET/DT president/NOUN/NN red/ADJ/JJ parliament/NOUN/NN",
            "Water/NOUN/NN contains/VERB/VBZ dissolved/ADJ/JJ oxygen/NOUN/NN",
        ] {
            let mut s = tagged(text);
            let before: Vec<String> = xpos(&s).iter().map(|x| x.to_string()).collect();
            past_tense_before_an_object(&mut s);
            assert_eq!(xpos(&s), before, "{text}");
        }
        let mut s = tagged("A/DET/DT storm/NOUN/NN of/ADP/IN category/NOUN/NN 4/NUM/CD hit/VERB/VBN northern/ADJ/JJ Florida/PROPN/NNP");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[5], "VBD");
        // A clause of its own after a subordinator, whatever the verbs before it.
        let mut s = tagged("Roads/NOUN/NNS were/AUX/VBD closed/VERB/VBN after/ADP/IN snow/NOUN/NN blocked/VERB/VBN the/DET/DT passes/NOUN/NNS");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[2..6], ["VBN", "IN", "NN", "VBD"]);
        // A participle opening the clause before its noun is no verb before the participle.
        let mut s =
            tagged("Marching/VERB/VBG students/NOUN/NNS closed/VERB/VBN the/DET/DT road/NOUN/NN");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[2], "VBD");
        // One later in the clause still is: "students having closed the road".
        let mut s =
            tagged("Students/NOUN/NNS having/VERB/VBG closed/VERB/VBN the/DET/DT road/NOUN/NN");
        past_tense_before_an_object(&mut s);
        assert_eq!(xpos(&s)[2], "VBN");
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
            let before: Vec<String> = xpos(&s).iter().map(|x| x.to_string()).collect();
            past_tense_before_an_object(&mut s);
            assert_eq!(xpos(&s), before, "{text}");
        }
    }
}
