from mediakit.library.status import STATUS_FR, item_status, status_fr


def test_status_follows_the_workflow():
    item = {"kind": "photo", "status": "to_anonymize", "detection": {"detector": "test"}}
    assert item_status(item) == "to_anonymize"
    item["masks_reviewed"] = True
    assert item_status(item) == "anonymized"
    item["exports"] = [{"path": "x.jpg"}]
    assert status_fr(item) == "exporté"
    item["status"] = "to_validate"  # written by the review hand-off
    assert item_status(item) == "to_validate"
    item["status"] = "corrections_requested"
    assert status_fr(item) == "corrections demandées"


def test_video_status_uses_its_tracks_review():
    rush = {"kind": "video", "masks_reviewed": True, "detection": {"detector": "test"}}
    assert item_status(rush) == "to_anonymize"
    rush["tracks_reviewed"] = True
    assert item_status(rush) == "anonymized"
    assert set(STATUS_FR) >= {item_status(rush)}
