package service

import (
	"context"

	"atelier/app/store"
)

// AutoBackup takes the day's automatic backup of the database (at most one
// per local calendar day, the last store.KeptBackups kept beside the
// file) and reports whether it made one. Its error is kept for
// AutoBackupErr: a backup that fails must not stop the window opening,
// but the person must hear of it.
func (s *Service) AutoBackup(ctx context.Context) (bool, error) {
	made, err := s.st.AutoBackup(ctx)
	s.autoBackupErr = err
	return made, err
}

// AutoBackupErr is why the last AutoBackup failed; nil when it worked or
// did not run.
func (s *Service) AutoBackupErr() error { return s.autoBackupErr }

// Backups lists the automatic backups, the most recent first.
func (s *Service) Backups() ([]store.BackupInfo, error) { return s.st.Backups() }

// RestoreBackup replaces the database's content with the backup at path, after
// checking it and keeping a copy of what it replaces; see store.Restore.
func (s *Service) RestoreBackup(ctx context.Context, path string) error {
	if err := s.st.Restore(ctx, path); err != nil {
		return err
	}
	s.autoBackupErr = nil // the pre-restore copy was taken: backups work
	return nil
}
