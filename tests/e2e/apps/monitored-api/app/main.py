"""A Python API with /health and /metrics (issue 6, scenario 2), for docker-scaffold's e2e tests."""
from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

app = FastAPI()
REQUESTS = Counter("api_requests_total", "Requests to /")


@app.get("/")
def index():
    REQUESTS.inc()
    return {"message": "hello from monitored-api"}


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/metrics")
def metrics():
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
