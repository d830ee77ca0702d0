package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// get serves one GET request with the app's routes and decodes the JSON answer.
func get(t *testing.T, path string) (int, map[string]string) {
	t.Helper()
	rec := httptest.NewRecorder()
	newMux("hello").ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	var body map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("GET %s: %v in %q", path, err, rec.Body.String())
	}
	return rec.Code, body
}

func TestHealth(t *testing.T) {
	code, body := get(t, "/healthz")
	if code != http.StatusOK || body["status"] != "ok" {
		t.Fatalf("GET /healthz = %d %v, want 200 with status ok", code, body)
	}
}

func TestIndexGreets(t *testing.T) {
	code, body := get(t, "/")
	if code != http.StatusOK || body["message"] != "hello" || body["app"] != "my-api" {
		t.Fatalf("GET / = %d %v, want 200 with the greeting", code, body)
	}
}
