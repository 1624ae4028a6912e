// Package inputfile opens the files a person chooses to import, refusing
// at once what no importer should wait on or swallow: a folder, a named
// pipe (which would block the app until something writes to it), a device
// such as /dev/zero (which never ends), a socket, or a file larger than
// the importer takes. Every message is a French sentence.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// Open opens path for reading once it is known to be a regular file of
// at most limit bytes. It checks before opening (os.Stat does not block
// on a pipe) and again on the open file, as the path may have been
// replaced in between; the opening itself does not wait on a pipe either
// (openFlags).
func Open(path string, limit int64) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := check(path, fi, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	fi, err = f.Stat()
	if err == nil {
		err = check(path, fi, limit)
	} else {
		err = openError(path, err)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ReadAll reads the whole of path, refused as Open refuses it; a file
// that grows past limit while being read is refused too.
func ReadAll(path string, limit int64) ([]byte, error) {
	f, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := ReadLimited(f, limit)
	if errors.Is(err, errTooBig) {
		return nil, tooBig(path, limit)
	}
	return data, err
}

// errTooBig is the cause of ReadLimited's refusal.
var errTooBig = errors.New("input longer than its limit")

// ReadLimited reads r to its end, at most limit bytes: for what the
// window's file dialogs give, a stream with no name to check first.
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, usererr.Wrap(err, "Le fichier n’a pas pu être lu jusqu’au bout. Vérifiez qu’il est bien enregistré sur cet ordinateur, puis réessayez.")
	}
	if int64(len(data)) > limit {
		return nil, usererr.Wrap(errTooBig, "Ce fichier est trop volumineux pour être importé (plus de %s). Vérifiez qu’il s’agit du bon fichier.", size(limit))
	}
	return data, nil
}

// check refuses what is not a regular file, or is larger than limit.
func check(path string, fi fs.FileInfo, limit int64) error {
	if !fi.Mode().IsRegular() {
		what := usererr.Phrase("un dossier, un tube ou un périphérique")
		switch {
		case fi.IsDir():
			what = usererr.Phrase("un dossier")
		case fi.Mode()&fs.ModeNamedPipe != 0:
			what = usererr.Phrase("un tube nommé")
		case fi.Mode()&(fs.ModeDevice|fs.ModeCharDevice) != 0:
			what = usererr.Phrase("un périphérique")
		case fi.Mode()&fs.ModeSocket != 0:
			what = usererr.Phrase("une prise réseau (socket)")
		}
		return usererr.New("%s n’est pas un fichier ordinaire (c’est %s)\u00a0: il ne peut pas être importé. Choisissez un fichier CSV ou XLSX.",
			quote(path), what)
	}
	if fi.Size() > limit {
		return tooBig(path, limit)
	}
	return nil
}

func tooBig(path string, limit int64) error {
	return usererr.Wrap(errTooBig, "%s est trop volumineux pour être importé (plus de %s). Vérifiez qu’il s’agit du bon fichier.", quote(path), size(limit))
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usererr.Wrap(err, "%s est introuvable. Vérifiez le chemin, puis réessayez.", quote(path))
	case errors.Is(err, fs.ErrPermission):
		return usererr.Wrap(err, "Atelier n’a pas le droit de lire %s. Vérifiez les droits du fichier, ou copiez-le ailleurs, puis réessayez.", quote(path))
	}
	return usererr.Wrap(err, "%s n’a pas pu être ouvert. Vérifiez qu’il est bien enregistré sur cet ordinateur, puis réessayez.", quote(path))
}

// quote is the file's name in French quotation marks: its base name, as
// the person chose it, not the whole path.
func quote(path string) usererr.Localized { return usererr.Quote(filepath.Base(path)) }

// size is limit in the unit a person reads: « 50 Mo », « 512 ko ».
func size(limit int64) usererr.Localized {
	return usererr.Text(func(l textfmt.Lang) string {
		mb, kb := "\u00a0Mo", "\u00a0ko"
		if l == textfmt.English {
			mb, kb = " MB", " KB"
		}
		if limit >= 1<<20 {
			return fmt.Sprintf("%d%s", limit>>20, mb)
		}
		return fmt.Sprintf("%d%s", max(limit>>10, 1), kb)
	})
}
