use super::*;

fn gaz(entries: &[(&str, &str)]) -> Gazetteer {
    let mut b = GazetteerBuilder::new(Norm::default());
    for (name, id) in entries {
        b.add(name, id, "place", [("lat", AttrValue::Float(33.3))])
            .unwrap();
    }
    b.build()
}

/// (surface, id) of each match, with the surface cut from the text by code points.
fn found(g: &Gazetteer, text: &str, overlapping: bool) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    g.find(text, overlapping)
        .iter()
        .map(|m| {
            (
                chars[m.start..m.end].iter().collect(),
                g.id(g.entity_of(m.name)).to_owned(),
            )
        })
        .collect()
}

fn surfaces(g: &Gazetteer, text: &str) -> Vec<String> {
    found(g, text, false).into_iter().map(|x| x.0).collect()
}

fn standard() -> Gazetteer {
    gaz(&[
        ("بغداد", "baghdad"),
        ("الانبار", "anbar"),
        ("التحالف", "coalition"),
        ("حزب الله", "hezbollah"),
        ("كتائب حزب الله", "kataib"),
        ("بلد", "balad"),
        ("القائم", "qaim"),
        ("هيت", "hit"),
        ("حديثة", "haditha"),
        ("الميادين", "mayadin"),
        ("عين الاسد", "ain_asad"),
        ("لبنان", "lebanon"),
    ])
}

#[test]
fn clitics_before_plain_names() {
    let g = standard();
    for text in [
        "بغداد",
        "وبغداد",
        "فبغداد",
        "ببغداد",
        "لبغداد",
        "كبغداد",
        "وببغداد",
        "ولبغداد",
        "فكبغداد",
    ] {
        assert_eq!(surfaces(&g, text), vec!["بغداد"], "{text}");
    }
    // not a clitic combination, an article, or inside a word
    for text in [
        "ببببغداد",
        "البغداد",
        "وفبغداد",
        "سبغداد",
        "بغدادي",
        "بغدادنا",
    ] {
        assert!(surfaces(&g, text).is_empty(), "{text}");
    }
}

#[test]
fn article_names_and_the_lam_contraction() {
    let g = standard();
    for text in [
        "الانبار",
        "بالانبار",
        "وبالانبار",
        "فبالانبار",
        "كالانبار",
        "والانبار",
    ] {
        assert_eq!(surfaces(&g, text), vec!["الانبار"], "{text}");
    }
    assert_eq!(surfaces(&g, "للتحالف"), vec!["لتحالف"]);
    assert_eq!(surfaces(&g, "وللتحالف"), vec!["لتحالف"]);
    assert_eq!(surfaces(&g, "فللتحالف الدولي"), vec!["لتحالف"]);
    assert!(surfaces(&g, "لالتحالف").is_empty());
    assert!(surfaces(&g, "تحالف").is_empty());
    assert!(surfaces(&g, "بلتحالف").is_empty());
    // a name starting with lam after the lam proclitic
    assert_eq!(surfaces(&g, "للبنان"), vec!["لبنان"]);
}

#[test]
fn traps_inside_words() {
    let g = standard();
    for text in [
        "البلاد",
        "البلدة",
        "بلدي",
        "القائمة",
        "قائمة",
        "انتهيت",
        "الهيتي",
        "حديثها",
        "الحديثة",
    ] {
        assert!(surfaces(&g, text).is_empty(), "{text}");
    }
    assert_eq!(surfaces(&g, "قضاء بلد"), vec!["بلد"]);
    assert_eq!(surfaces(&g, "مدينة هيت."), vec!["هيت"]);
    assert_eq!(surfaces(&g, "قناة الميادين"), vec!["الميادين"]);
}

#[test]
fn longest_and_overlapping() {
    let g = standard();
    let t = "بيان كتائب حزب الله اليوم";
    assert_eq!(
        found(&g, t, false),
        vec![("كتائب حزب الله".into(), "kataib".into())]
    );
    let all = found(&g, t, true);
    assert_eq!(
        all,
        vec![
            ("كتائب حزب الله".into(), "kataib".into()),
            ("حزب الله".into(), "hezbollah".into()),
        ]
    );
}

#[test]
fn quotes_tatweel_and_punctuation_are_boundaries() {
    let g = standard();
    assert_eq!(surfaces(&g, "لـ«حزب الله»"), vec!["حزب الله"]);
    assert_eq!(surfaces(&g, "بـبغداد"), vec!["بغداد"]);
    assert_eq!(surfaces(&g, "(بغداد)، الانبار؛"), vec!["بغداد", "الانبار"]);
    assert_eq!(surfaces(&g, "قاعدة عين   الاسد"), vec!["عين   الاسد"]);
}

#[test]
fn offsets_are_code_points() {
    let g = standard();
    let t = "😀 وصل إلى بغداد";
    let m = g.find(t, false);
    assert_eq!((m[0].start, m[0].end), (10, 15));
}

#[test]
fn variants_share_an_entity_and_attributes_merge() {
    let mut b = GazetteerBuilder::new(Norm::default());
    b.add(
        "بغداد",
        "q1",
        "place",
        [("country", AttrValue::Str("IQ".into()))],
    )
    .unwrap();
    b.add(
        "بغدد",
        "q1",
        "",
        [
            ("lat", AttrValue::Float(33.3)),
            ("country", AttrValue::Str("XX".into())),
        ],
    )
    .unwrap();
    b.add("بغداد", "q1", "city", [("pop", AttrValue::Null)])
        .unwrap();
    let g = b.build();
    assert_eq!(g.len(), 3);
    assert_eq!(g.entity_count(), 1);
    assert_eq!(g.kind(0), "city");
    assert_eq!(g.attr(0, "country"), Some(AttrRef::Str("XX")));
    assert_eq!(g.attr(0, "lat"), Some(AttrRef::Float(33.3)));
    assert_eq!(g.attr(0, "pop"), None);
    // the duplicate name of one entity is reported once
    assert_eq!(g.find("بغداد", false).len(), 1);
}

#[test]
fn two_entities_with_one_name_are_both_reported() {
    let g = gaz(&[("الميادين", "town"), ("الميادين", "tv")]);
    let ids: Vec<String> = found(&g, "الميادين", false)
        .into_iter()
        .map(|x| x.1)
        .collect();
    assert_eq!(ids, vec!["town", "tv"]);
}

#[test]
fn bad_entries() {
    let mut b = GazetteerBuilder::new(Norm::default());
    assert!(b.add("«»", "x", "", []).is_err());
    assert!(b.add("بغداد", "", "", []).is_err());
}

#[test]
fn save_load_round_trip_and_corruption() {
    let g = standard();
    let bytes = g.to_bytes();
    let h = Gazetteer::from_bytes(&bytes).unwrap();
    let t = "وبغداد وللتحالف وكتائب حزب الله";
    assert_eq!(g.find(t, false), h.find(t, false));
    assert_eq!(h.attr(0, "lat"), Some(AttrRef::Float(33.3)));
    assert!(Gazetteer::from_bytes(b"hello").is_err());
    for cut in [0, 9, 40, bytes.len() / 2, bytes.len() - 1] {
        assert!(Gazetteer::from_bytes(&bytes[..cut]).is_err(), "cut {cut}");
    }
    for pos in (8..bytes.len()).step_by(7) {
        let mut b = bytes.clone();
        b[pos] ^= 0x5A;
        let _ = Gazetteer::from_bytes(&b); // an error or (never) a panic
        assert!(Gazetteer::from_bytes(&b).is_err(), "flip at {pos}");
    }
}

#[test]
fn batch_equals_single() {
    let g = standard();
    let docs: Vec<String> = (0..50)
        .map(|i| format!("{i} وبغداد والانبار {i} للتحالف"))
        .collect();
    let batch = g.find_batch(&docs, false, Some(2));
    for (d, r) in docs.iter().zip(batch) {
        assert_eq!(g.find(d, false), r);
    }
}

#[test]
fn names_and_texts_are_normalized_alike() {
    let g = gaz(&[
        ("بغداد", "baghdad"),
        ("عين الأسد", "ain_asad"),
        ("حزب الله", "hezbollah"),
    ]);
    assert_eq!(surfaces(&g, "في بَغْدَادَ اليوم"), vec!["بَغْدَادَ"]);
    assert_eq!(surfaces(&g, "في بغــداد"), vec!["بغــداد"]);
    assert_eq!(surfaces(&g, "قاعدة عین الاسد"), vec!["عین الاسد"]);
    assert_eq!(surfaces(&g, "لـ«حزب اللّه»"), vec!["حزب اللّه"]);
    // trailing harakat and tatweel of the name belong to it
    assert_eq!(surfaces(&g, "ببغدادـ،"), vec!["بغدادـ"]);
}

#[test]
fn article_before_a_lam_stem_contracts_to_two_lams() {
    let g = gaz(&[("اللواء", "brigade"), ("اللاذقية", "latakia")]);
    assert_eq!(surfaces(&g, "للواء 47"), vec!["لواء"]);
    assert_eq!(surfaces(&g, "وللاذقية"), vec!["لاذقية"]);
    assert_eq!(surfaces(&g, "في اللاذقية"), vec!["اللاذقية"]);
    assert!(surfaces(&g, "لواء").is_empty());
    assert!(surfaces(&g, "بلواء").is_empty());
}

/// The cases of `tests/data/gazetteer_cases.tsv` (shared with pytest).
#[test]
fn table_driven_cases() {
    let names = include_str!("../../../../tests/data/gazetteer_names.tsv");
    let cases = include_str!("../../../../tests/data/gazetteer_cases.tsv");
    let mut b = GazetteerBuilder::new(Norm::default());
    for line in names
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        b.add(f[0], f[1], f[2], []).unwrap();
    }
    let g = b.build();
    let mut n = 0;
    for line in cases
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let text = f[0].replace("\\n", "\n");
        let got: Vec<String> = g
            .find(&text, f[1] == "1")
            .iter()
            .map(|m| format!("{}:{}:{}", m.start, m.end, g.id(g.entity_of(m.name))))
            .collect();
        let got = if got.is_empty() {
            "-".to_owned()
        } else {
            got.join(" ")
        };
        assert_eq!(got, f[2], "{text:?}");
        n += 1;
    }
    assert!(n >= 50);
}
