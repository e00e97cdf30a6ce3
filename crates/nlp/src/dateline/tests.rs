use super::*;
use crate::doc::Document;

/// A day as (year, month, day).
type Day = (Option<i32>, u8, u8);

/// The dateline's place name, its day, its agency, and the text after it.
fn read(text: &str) -> (Option<String>, Option<Day>, Option<String>, &str) {
    let d = find(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
    (
        d.place.map(|p| p.name),
        d.date.map(|d| (d.year, d.month, d.day)),
        d.agency,
        text[d.end..].trim_start(),
    )
}

#[test]
fn a_city_in_capitals_with_day_and_agency_is_the_wire_form() {
    let text = "NAIROBI, May 3 (Wire) - Kenya's central bank cut its main rate.";
    let (place, date, agency, story) = read(text);
    assert_eq!(place.as_deref(), Some("Nairobi"));
    assert_eq!(date, Some((None, 5, 3)));
    assert_eq!(agency.as_deref(), Some("Wire"));
    assert_eq!(story, "Kenya's central bank cut its main rate.");
    let d = find(text).unwrap();
    assert_eq!(&text[d.start..d.end], "NAIROBI, May 3 (Wire) -");
    let place = d.place.unwrap();
    assert_eq!(&text[place.start..place.end], "NAIROBI");
    assert_eq!(
        place.external_id.as_deref(),
        Some("https://sws.geonames.org/184745/")
    );
}

#[test]
fn multi_word_cities_in_capitals_take_their_usual_spelling() {
    let (place, date, agency, story) =
        read("RIO DE JANEIRO, Dec. 17 (Reuters) – Brazil's police raided the offices.");
    assert_eq!(place.as_deref(), Some("Rio de Janeiro"));
    assert_eq!(date, Some((None, 12, 17)));
    assert_eq!(agency.as_deref(), Some("Reuters"));
    assert!(story.starts_with("Brazil's police"));

    let (place, date, agency, story) =
        read("ST. PETERSBURG, Russia, Sept. 9, 2024 (AP) — Officials said the bridge was shut.");
    assert_eq!(place.as_deref(), Some("St. Petersburg"));
    assert_eq!(date, Some((Some(2024), 9, 9)));
    assert_eq!(agency.as_deref(), Some("AP"));
    assert_eq!(story, "Officials said the bridge was shut.");
}

#[test]
fn a_city_unknown_to_the_gazetteer_is_folded_to_title_case_without_an_id() {
    let text = "KWAKWANI, August 2 (Wire) - Miners walked out on Friday.";
    let d = find(text).unwrap();
    let place = d.place.unwrap();
    assert_eq!(place.name, "Kwakwani");
    assert_eq!(place.external_id, None);
}

#[test]
fn the_other_wire_forms_are_recognised() {
    // City and agency, in capitals or (a gazetteer place) in title case.
    let (place, date, agency, _) = read("LONDON (Reuters) - Britain's economy grew.");
    assert_eq!(
        (place.as_deref(), date, agency.as_deref()),
        (Some("London"), None, Some("Reuters"))
    );
    let (place, _, agency, story) = read("Rio de Janeiro (AFP) - Police raided a favela.");
    assert_eq!(
        (place.as_deref(), agency.as_deref()),
        (Some("Rio de Janeiro"), Some("AFP"))
    );
    assert_eq!(story, "Police raided a favela.");
    // A city and its country, no agency; a city alone before an em dash.
    let (place, _, agency, story) = read("ORURO, Bolivia — A tunnel collapsed at a mine.");
    assert_eq!((place.as_deref(), agency), (Some("Oruro"), None));
    assert_eq!(story, "A tunnel collapsed at a mine.");
    let (place, _, _, _) = read("KWAKWANI, Guyana — Miners walked out.");
    assert_eq!(place.as_deref(), Some("Kwakwani"));
    for state in ["La.", "Calif.", "N.Y.", "CO"] {
        let text = format!("PONCHATOULA, {state} -- Deputies made a third arrest.");
        let (place, _, _, story) = read(&text);
        assert_eq!(place.as_deref(), Some("Ponchatoula"));
        assert_eq!(story, "Deputies made a third arrest.");
    }
    let (place, _, _, story) = read("NAIROBI — Kenya's central bank cut rates.");
    assert_eq!(place.as_deref(), Some("Nairobi"));
    assert_eq!(story, "Kenya's central bank cut rates.");
    // Title case with a day; two cities (the first is the place); a day before its month.
    let (place, date, _, _) = read("Pemba, December 17 - Fighters attacked a depot.");
    assert_eq!(
        (place.as_deref(), date),
        (Some("Pemba"), Some((None, 12, 17)))
    );
    // A town the gazetteer does not know, in title case: its state vouches for it.
    let (place, date, _, _) = read("Ponchatoula, La., May 3 (AP) - Deputies made an arrest.");
    assert_eq!(
        (place.as_deref(), date),
        (Some("Ponchatoula"), Some((None, 5, 3)))
    );
    let (place, _, _, _) = read("LONDON/PARIS, May 3 (Reuters) - Europe's banks fell.");
    assert_eq!(place.as_deref(), Some("London"));
    let (place, date, agency, story) =
        read("WASHINGTON, D.C., 3 May 2024 (Xinhua) -- The Senate voted.");
    assert_eq!(place.as_deref(), Some("Washington"));
    assert_eq!(
        (date, agency.as_deref()),
        (Some((Some(2024), 5, 3)), Some("Xinhua"))
    );
    assert_eq!(story, "The Senate voted.");
    // An agency alone; leading blank space; a dash without spaces.
    let (place, _, agency, story) = read("(Reuters) - Tesla said it would cut prices.");
    assert_eq!((place, agency.as_deref()), (None, Some("Reuters")));
    assert_eq!(story, "Tesla said it would cut prices.");
    let (place, _, _, _) = read("\n  BARI, December 30 (Wire)—Italian police seized oil.");
    assert_eq!(place.as_deref(), Some("Bari"));
}

#[test]
fn an_ordinary_first_sentence_has_no_dateline() {
    for text in [
        "Kenya's central bank cut its main rate on Tuesday.",
        "Fighters attacked Pemba on December 17.",
        // A parenthetical dash after a title-case city, an organisation with brackets.
        "Paris — the French capital — banned cars on Sunday.",
        "Nairobi - the capital - is growing fast.",
        "Friday, May 3 - Today we went to the beach.",
        "Pittsburgh - A Quebec man was awarded a medal.",
        "The WHO (World Health Organization) - the UN agency - said so.",
        "Apple (AAPL) - the iPhone maker - said sales fell.",
        "NATO, the alliance, said (on Monday) - no.",
        // Capitals that are no place, a two-letter one, a common word, a hyphenated word.
        "EXCLUSIVE - Kenya plans to sell its stake.",
        "UK - EU talks resumed on Monday.",
        "SPLIT - the vote went against the plan.",
        "NAIROBI-based Kestrel Bank said profits rose.",
        // A list in capitals is no city and its country.
        "APPLE, GOOGLE, AMAZON - tech stocks fell on Monday.",
        "APPLE, GOOGLE - tech stocks fell on Monday.",
        "APPLE, INC. - the iPhone maker said sales fell.",
        // No dash, or the story on another line.
        "NAIROBI, May 3 (Wire) Kenya's central bank cut rates.",
        "PEMBA, December 17 (Wire) -\nFighters attacked.",
        // A day that does not exist, a month that is not one.
        "Kenya, May 32 - rates fell.",
        "Santiago, Maybe 3 - rates fell.",
        "",
    ] {
        assert_eq!(find(text), None, "{text:?}");
    }
}

#[test]
fn the_story_is_segmented_without_its_dateline() {
    let text = "NAIROBI, May 3 (Wire) - Kenya's central bank cut its rate. It said so.";
    let mut doc = Document::new("d", text);
    crate::tokenize::segment_story(&mut doc);
    assert!(doc.dateline.is_some());
    let first = &doc.sentences[0];
    assert_eq!(
        &text[first.start..first.end],
        "Kenya's central bank cut its rate."
    );
    let forms: Vec<&str> = first.tokens.iter().map(|t| t.form.as_str()).collect();
    assert_eq!(forms[..3], ["Kenya", "'s", "central"]);
    assert_eq!(doc.sentences.len(), 2);

    // Without a dateline, the same as plain segmentation.
    let text = "Kenya's central bank cut its rate. It said so.";
    let (mut story, mut plain) = (Document::new("d", text), Document::new("d", text));
    crate::tokenize::segment_story(&mut story);
    crate::tokenize::segment(&mut plain);
    assert_eq!(story.dateline, None);
    let spans = |d: &Document| -> Vec<(usize, usize, usize)> {
        d.sentences
            .iter()
            .map(|s| (s.start, s.end, s.tokens.len()))
            .collect()
    };
    assert_eq!(spans(&story), spans(&plain));
}

#[test]
fn the_dateline_dates_a_document_only_when_the_dump_does_not_and_the_year_is_written() {
    let mut doc = Document::new(
        "d",
        "ST. PETERSBURG, Russia, Sept. 9, 2024 (AP) — It rained.",
    );
    crate::tokenize::segment_story(&mut doc);
    assert_eq!(doc.anchor_date(), crate::doc::Date::new(2024, 9, 9));
    doc.date = crate::doc::Date::new(2024, 9, 10);
    assert_eq!(doc.anchor_date(), crate::doc::Date::new(2024, 9, 10));

    let mut doc = Document::new("d", "NAIROBI, May 3 (Wire) - It rained.");
    crate::tokenize::segment_story(&mut doc);
    assert_eq!(doc.anchor_date(), None);
}
