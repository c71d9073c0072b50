module example.com/go-redis

go 1.22
