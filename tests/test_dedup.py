"""Cross-article clustering: one test per rule, merged figures, stability."""

from __future__ import annotations

import random

from rasid.dedup import cluster, compatible, event_key
from rasid.geo import haversine_km

TAJI = {"id": "camp_taji", "lat": 33.524, "lon": 44.256, "name_en": "Camp Taji"}
# 10 km south-east of Taji, another gazetteer entry
NEAR = {"id": "near_taji", "lat": 33.46, "lon": 44.33, "name_en": "Near Taji"}
BALAD = {"id": "balad", "lat": 33.94, "lon": 44.361, "name_en": "Balad Air Base"}  # ~47 km


def ev(eid, doc, etype="rocket_attack", date="2020-03-11", loc=TAJI, **kw):
    rec = {"event_id": eid, "doc_id": doc, "event_type": etype, "date": date,
           "date_precision": "day" if date and len(date) == 10 else ("month" if date else None),
           "location": loc, "actor": None, "claimed_by": None,
           "munitions": None, "killed": None, "wounded": None}  # fmt: skip
    rec.update(kw)
    return rec


def count(lo, hi, approx=False):
    return {"min": lo, "max": hi, "approx": approx, "text": "", "start": 0, "end": 0}


def groups(records, **kw):
    assignments, clusters = cluster(records, **kw)
    by_cluster = {}
    for r in records:
        by_cluster.setdefault(assignments[r["event_id"]], []).append(r["event_id"])
    return sorted(sorted(v) for v in by_cluster.values()), clusters


def ok(a, b, **kw):
    return compatible(event_key(a), event_key(b), **kw)


def test_haversine():
    assert round(haversine_km(TAJI["lat"], TAJI["lon"], BALAD["lat"], BALAD["lon"])) == 47


def test_rule_different_documents():
    assert ok(ev("a", "d1"), ev("b", "d2"))
    assert not ok(ev("a", "d1"), ev("b", "d1"))


def test_rule_type_families():
    assert ok(ev("a", "d1", "rocket_attack"), ev("b", "d2", "missile_attack"))
    assert ok(ev("a", "d1", "shelling"), ev("b", "d2", "rocket_attack"))
    assert ok(ev("a", "d1", "drone_attack"), ev("b", "d2", "air_strike"))
    assert not ok(ev("a", "d1", "rocket_attack"), ev("b", "d2", "drone_attack"))
    assert not ok(ev("a", "d1", "ied_attack"), ev("b", "d2", "armed_clash"))
    assert not ok(ev("a", "d1", "other_attack"), ev("b", "d2", "rocket_attack"))
    assert ok(ev("a", "d1", "other_attack"), ev("b", "d2", "other_attack"))


def test_rule_dates_within_a_day():
    assert ok(ev("a", "d1", date="2020-03-11"), ev("b", "d2", date="2020-03-12"))
    assert ok(ev("a", "d1", date="2020-02-29"), ev("b", "d2", date="2020-03-01"))
    assert not ok(ev("a", "d1", date="2020-03-11"), ev("b", "d2", date="2020-03-13"))
    # null or coarse dates never cluster, not even with each other
    assert not ok(ev("a", "d1", date=None), ev("b", "d2", date=None))
    assert not ok(ev("a", "d1", date=None), ev("b", "d2"))
    assert not ok(ev("a", "d1", date="2020-03"), ev("b", "d2", date="2020-03"))


def test_rule_places():
    assert ok(ev("a", "d1", loc=TAJI), ev("b", "d2", loc=NEAR))  # ~10 km
    assert not ok(ev("a", "d1", loc=TAJI), ev("b", "d2", loc=NEAR), max_km=5)
    assert not ok(ev("a", "d1", loc=TAJI), ev("b", "d2", loc=BALAD))  # ~47 km
    assert ok(ev("a", "d1", loc=TAJI), ev("b", "d2", loc=BALAD), max_km=50)
    same_id = {"id": "camp_taji", "lat": None, "lon": None}
    assert ok(ev("a", "d1", loc=TAJI), ev("b", "d2", loc=same_id))
    assert not ok(ev("a", "d1", loc=None), ev("b", "d2", loc=TAJI))
    no_coords = {"id": "other", "lat": None, "lon": None}
    assert not ok(ev("a", "d1", loc=no_coords), ev("b", "d2", loc=TAJI))


def test_rule_actors():
    kh = {"id": "kataib_hezbollah", "name_en": "Kataib Hezbollah"}
    aah = {"id": "asaib", "name_en": "Asaib Ahl al-Haq"}
    assert ok(ev("a", "d1", actor=kh), ev("b", "d2", actor=None))
    assert ok(ev("a", "d1", actor=kh), ev("b", "d2", actor=dict(kh, mention="الكتائب")))
    assert not ok(ev("a", "d1", actor=kh), ev("b", "d2", actor=aah))
    assert not ok(ev("a", "d1", claimed_by=kh), ev("b", "d2", claimed_by=aah))
    assert ok(ev("a", "d1", claimed_by=kh), ev("b", "d2", actor=aah))


def test_complete_linkage_no_chaining():
    # a ~ b (1 day), b ~ c (1 day), but a and c are 2 days apart: never one cluster
    recs = [ev("a", "d1", date="2020-03-10"), ev("b", "d2", date="2020-03-11"),
            ev("c", "d3", date="2020-03-12")]  # fmt: skip
    got, _ = groups(recs)
    assert got == [["a", "b"], ["c"]]
    # an actor conflict inside a would-be cluster
    kh = {"id": "kh"}
    aah = {"id": "aah"}
    recs = [ev("a", "d1", actor=kh), ev("b", "d2"), ev("c", "d3", actor=aah)]
    got, _ = groups(recs)
    assert got == [["a", "b"], ["c"]]


def test_merged_figures_are_conservative():
    recs = [
        ev("a", "d1", killed=count(2, None), wounded=count(4, 4)),  # «على الأقل قتيلين»
        ev("b", "d2", killed=count(5, 5), wounded=None),  # silent on wounded
        ev("c", "d3", killed=count(3, 3, approx=True), wounded=count(0, 0)),  # «دون إصابات»
        ev("d", "d4", munitions=count(7, 11)),
    ]
    got, clusters = groups(recs)
    assert got == [["a", "b", "c", "d"]]
    (c,) = clusters
    assert c["killed"] == {"min": 2, "max": None, "approx": True, "n_reports": 3}
    assert c["wounded"] == {"min": 0, "max": 4, "approx": False, "n_reports": 2}
    assert c["munitions"] == {"min": 7, "max": 11, "approx": False, "n_reports": 1}
    assert c["n_sources"] == 4 and c["doc_ids"] == ["d1", "d2", "d3", "d4"]
    assert c["event_ids"] == ["a", "b", "c", "d"]
    # the sources keep their own values
    assert recs[1]["killed"] == count(5, 5)


def test_cluster_ids_stable_and_order_independent():
    recs = [ev(f"e{i}", f"d{i}", date=f"2020-03-{10 + i // 4:02d}",
               loc=[TAJI, BALAD][i % 2]) for i in range(16)]  # fmt: skip
    a1, c1 = cluster(recs)
    shuffled = recs[:]
    random.Random(7).shuffle(shuffled)
    a2, c2 = cluster(shuffled)
    assert a1 == a2
    assert [c["cluster_id"] for c in c1] == [c["cluster_id"] for c in c2]
    assert all(cid.startswith("c") and len(cid) == 17 for cid in a1.values())


def test_singletons_and_undated_get_clusters():
    recs = [ev("a", "d1", date=None), ev("b", "d2", loc=None), ev("c", "d3")]
    assignments, clusters = cluster(recs)
    assert len(set(assignments.values())) == 3 and len(clusters) == 3
    assert all(c["n_sources"] == 1 for c in clusters)
