"""The app's own test: pytest with Django's test client (run `pytest`)."""
from django.test import Client


def test_health():
    response = Client().get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_index_greets():
    response = Client().get("/")
    assert response.status_code == 200
    assert response.json()["app"] == "my-api"
