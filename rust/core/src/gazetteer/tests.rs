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

/// The chunked batch hands over every document's matches once, in order, on any number
/// of threads, and stops at the first error of the consumer.
#[test]
fn batch_chunks_equal_single() {
    let g = standard();
    let docs: Vec<String> = (0..3000)
        .map(|i| format!("{i} وبغداد {} للتحالف", "كلام ".repeat(i % 50)))
        .collect();
    let want: Vec<Vec<Match>> = docs.iter().map(|d| g.find(d, false)).collect();
    for threads in [Some(1), Some(2), None] {
        let mut got: Vec<Vec<Match>> = Vec::new();
        let mut chunks = 0;
        let mut waits = 0;
        g.find_batch_chunks(
            &docs,
            false,
            threads,
            |f| {
                waits += 1;
                f()
            },
            |first, results| {
                assert_eq!(first, got.len());
                got.extend(results);
                chunks += 1;
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(got, want);
        assert!(
            chunks > 1 && waits == chunks,
            "{chunks} chunks, {waits} waits"
        );
        let mut seen = 0;
        let r = g.find_batch_chunks(
            &docs,
            false,
            threads,
            |f| f(),
            |_, results| {
                seen += results.len();
                Err("stop")
            },
        );
        assert_eq!(r, Err("stop"));
        assert!(seen > 0 && seen < docs.len());
    }
    let none: Vec<String> = Vec::new();
    let r = g.find_batch_chunks(&none, false, None, |f| f(), |_, _| Err(()));
    assert_eq!(r, Ok(()));
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

/// The scan equals a brute-force reference on random names and texts: at each word, the
/// starts allowed by its proclitics in order, each tried against every pattern of the
/// table, the longest one ending a word winning, and the words inside a match skipped.
/// (Names share first words and continue each other, so the filters, the prefetched
/// two-pass scan and the extension of spans word by word are all exercised.)
#[test]
fn scan_equals_brute_force() {
    let letters: Vec<char> = "وفبلكاسد".chars().collect();
    let mut seed = 0x1234_5678_9abc_def0u64;
    let mut rand = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let word = |rand: &mut dyn FnMut(usize) -> usize| -> String {
        let w: String = (0..1 + rand(3))
            .map(|_| letters[rand(letters.len())])
            .collect();
        if rand(3) == 0 {
            format!("ال{w}")
        } else {
            w
        }
    };
    let (mut total, mut multi) = (0, 0);
    for round in 0..40 {
        let mut b = GazetteerBuilder::new(Norm::default());
        let mut names = Vec::new();
        for i in 0..1 + rand(30) {
            let name: Vec<String> = (0..1 + rand(3)).map(|_| word(&mut rand)).collect();
            let name = name.join(" ");
            b.add(&name, &format!("e{i}"), "place", []).unwrap();
            names.push(name);
        }
        let g = b.build();
        // Every pattern of the table, with its kinds.
        let pats: Vec<(&[u8], u32, u8)> = g
            .words
            .slots
            .iter()
            .zip(&g.words.spans)
            .filter(|(s, _)| s.meta & words::USED != 0 && s.out != words::NONE)
            .map(|(s, sp)| {
                let bytes = &g.words.bytes[sp.off as usize..(sp.off + sp.len) as usize];
                (bytes, s.out, (s.meta & MASK) as u8)
            })
            .collect();
        for _ in 0..20 {
            let mut text = String::new();
            for _ in 0..rand(25) {
                let w = if rand(2) == 0 {
                    names[rand(names.len())].clone()
                } else {
                    word(&mut rand)
                };
                let pre = ["", "و", "ب", "ل", "وب", "فل", "ال"][rand(7)];
                text.push_str(pre);
                text.push_str(&w);
                text.push_str([" ", " ", ", ", " «", "» ", "-"][rand(6)]);
            }
            let mut folded = Folded::default();
            g.fold.fold(text.chars().map(u32::from), &mut folded);
            let (bytes, n) = (folded.padded(), folded.len());
            let mut got = Vec::new();
            g.scan(bytes, n, false, &mut Vec::new(), &mut got);
            let got: Vec<(u32, u32, u32)> = got.iter().map(|h| (h.0, h.1, h.2)).collect();
            // The reference.
            let text_b = &bytes[..n];
            let mut want = Vec::new();
            let mut i = 0;
            while i < n {
                if !alphabet::is_word(text_b[i]) {
                    i += 1;
                    continue;
                }
                let ws = i;
                let mut we = ws;
                while we < n && alphabet::is_word(text_b[we]) {
                    we += 1;
                }
                let mut starts = vec![(ws, PLAIN | ARTICLE)];
                let m1 = match text_b[ws] {
                    WAW | FEH | BEH | KAF => PLAIN | ARTICLE,
                    LAM => PLAIN | CONTRACTED,
                    _ => 0,
                };
                if m1 != 0 && ws + 1 < we {
                    starts.push((ws + 1, m1));
                    let m2 = match text_b[ws + 1] {
                        BEH | KAF => PLAIN | ARTICLE,
                        LAM => PLAIN | CONTRACTED,
                        _ => 0,
                    };
                    if (text_b[ws] == WAW || text_b[ws] == FEH) && m2 != 0 && ws + 2 < we {
                        starts.push((ws + 2, m2));
                    }
                }
                let mut found = None;
                for (c, mask) in starts {
                    let best = pats
                        .iter()
                        .filter(|(p, _, kinds)| {
                            kinds & mask != 0
                                && text_b[c..].starts_with(p)
                                && (c + p.len() == n || !alphabet::is_word(text_b[c + p.len()]))
                        })
                        .max_by_key(|(p, _, _)| p.len());
                    if let Some((p, out, _)) = best {
                        found = Some((c as u32, (c + p.len()) as u32, *out));
                        break;
                    }
                }
                match found {
                    Some(f) => {
                        want.push(f);
                        i = f.1 as usize;
                    }
                    None => i = we,
                }
            }
            assert_eq!(got, want, "round {round}: {text:?} with {names:?}");
            total += want.len();
            multi += want
                .iter()
                .filter(|w| text_b[w.0 as usize..w.1 as usize].contains(&b' '))
                .count();
        }
    }
    assert!(
        total > 2000 && multi > 500,
        "{total} matches, {multi} of several words"
    );
}
