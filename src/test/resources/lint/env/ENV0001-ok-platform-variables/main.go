package main

import "os"

// variables the OS, the desktop session, kubectl and the Go runtime set: not the app's configuration
func main() {
	_ = os.Getenv("APP_PORT")
	_ = os.Getenv("KUBECONFIG")
	_ = os.Getenv("SUDO_USER")
	_ = os.Getenv("XDG_CURRENT_DESKTOP")
	_ = os.Getenv("BROWSER")
	_ = os.Getenv("GRPC_GO_LOG_SEVERITY_LEVEL")
}
