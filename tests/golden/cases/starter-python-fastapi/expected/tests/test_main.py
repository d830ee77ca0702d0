"""The app's own test: pytest with FastAPI's TestClient (run `pytest`)."""
from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_index_greets():
    response = client.get("/")
    assert response.status_code == 200
    assert response.json()["app"] == "my-api"
