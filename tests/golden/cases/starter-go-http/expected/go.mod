module my-api

go 1.23
