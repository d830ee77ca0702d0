"""Minimal Flask app for docker-scaffold's end-to-end tests (served by gunicorn app:app)."""
import os

from flask import Flask, jsonify

app = Flask(__name__)
app.config["GREETING"] = os.environ.get("GREETING", "hello from python-flask")


@app.get("/")
def index():
    return jsonify(message=app.config["GREETING"], app="python-flask")


@app.get("/health")
def health():
    return jsonify(status="ok")


if __name__ == "__main__":
    # Development server only; containers run gunicorn.
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
