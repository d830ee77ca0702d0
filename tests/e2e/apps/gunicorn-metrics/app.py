import base64
import hmac
import os

from flask import Flask, Response, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

app = Flask(__name__)
METRICS_USER = os.environ.get("METRICS_USER", "metrics")
METRICS_PASS = os.environ["METRICS_PASS"]


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/metrics")
def metrics():
    expected = "Basic " + base64.b64encode(f"{METRICS_USER}:{METRICS_PASS}".encode()).decode()
    if not hmac.compare_digest(request.headers.get("Authorization", ""), expected):
        return Response("unauthorized", 401, {"WWW-Authenticate": "Basic"})
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)
