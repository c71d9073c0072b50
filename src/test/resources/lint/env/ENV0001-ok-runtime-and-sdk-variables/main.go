package main

import (
	"os"
	"strings"
)

// The Go runtime's knobs, kubectl's configuration file and the OpenTelemetry SDK's environment are set by whoever
// runs the binary, the same for every app: not this app's settings to document in .env.example.
func main() {
	_ = strings.Contains(os.Getenv("GODEBUG"), "multipathtcp")
	_ = os.Getenv("KUBECONFIG")
	_ = os.Getenv("OTEL_RESOURCE_ATTRIBUTES")
	_ = os.Getenv("PORT")
}
