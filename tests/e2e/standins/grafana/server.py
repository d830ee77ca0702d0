"""NOT Grafana: a stand-in on :3000 that checks what compose gives Grafana.

/api/health answers 200 only when the admin password file named by
GF_SECURITY_ADMIN_PASSWORD__FILE is readable and not empty, and the provisioned Prometheus
data source is mounted; /api/datasources returns the provisioned file's text.
"""
import os
from http.server import BaseHTTPRequestHandler, HTTPServer

DATASOURCE = "/etc/grafana/provisioning/datasources/prometheus.yml"


def ready() -> bool:
    try:
        with open(os.environ["GF_SECURITY_ADMIN_PASSWORD__FILE"]) as f:
            if not f.read().strip():
                return False
        with open(DATASOURCE) as f:
            return "prometheus" in f.read()
    except (KeyError, OSError):
        return False


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/api/health":
            ok = ready()
            body = b'{"database":"ok"}' if ok else b'{"database":"failing"}'
            self.send_response(200 if ok else 503)
        elif self.path == "/api/datasources":
            with open(DATASOURCE, "rb") as f:
                body = f.read()
            self.send_response(200)
        else:
            body = b"not found"
            self.send_response(404)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


HTTPServer(("0.0.0.0", 3000), Handler).serve_forever()
