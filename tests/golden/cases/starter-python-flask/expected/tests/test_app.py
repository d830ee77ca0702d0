"""The app's own test: pytest with Flask's test client (run `pytest`)."""
from app import app


def test_health():
    response = app.test_client().get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_index_greets():
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.get_json()["app"] == "my-api"
