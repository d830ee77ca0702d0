module example.com/e2e/go-http

go 1.23
