package main

import "os"

func main() {
	// expect: ENV0001
	_ = os.Getenv("GO_SETTING")
}
