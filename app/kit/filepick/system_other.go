//go:build !windows

package filepick

// System is the desktop portal: GNOME, KDE and the other Linux desktops
// answer on the session bus; where nothing does (macOS, a bare X server),
// its calls say ErrUnavailable.
func System() Picker { return Portal{} }
