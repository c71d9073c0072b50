// Command server is the fixture of a Go module whose main package is in cmd/server, not at the root:
// the Dockerfile devops renders for it must build ./cmd/server.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	http.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })
	if err := http.ListenAndServe(":8080", nil); err != nil {
		panic(err)
	}
}
