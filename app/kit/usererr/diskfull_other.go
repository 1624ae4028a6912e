//go:build !windows

package usererr

func isDiskFull(error) bool { return false }
