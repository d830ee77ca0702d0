import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["ENVIRONMENT"] = os.environ.get("FLASK_ENV", "production")


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/api/compare")
def compare():
    requests_per_month = int(request.args.get("requests", "1000000"))
    lambda_cost = requests_per_month * 0.0000002 + requests_per_month * 0.128 * 0.0000166667
    return jsonify(lambda_usd=round(lambda_cost, 2), vm_usd=8.47, environment=app.config["ENVIRONMENT"])


if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("PORT", 5000)))
