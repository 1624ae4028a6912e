; The Windows installer of Atelier, built on Linux by scripts/dist:
; (UTF-8: makensis -INPUTCHARSET UTF8)
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DSRC=DIR -DOUTFILE=FILE atelier.nsi
; DIR holds atelier.exe (already signed when a certificate was given) and
; atelier.ico.
;
; Per-user: it installs in %LOCALAPPDATA%\Programs\Atelier and writes only
; under HKCU, so it needs no administrator rights. Installing a newer
; version over an older one replaces the program and keeps the data; the
; database is migrated by Atelier itself at its next start, after an
; automatic backup. The uninstaller keeps the data (%APPDATA%\Atelier)
; unless the person says to delete it, or it is run with /SUPPRIMER_DONNEES.
; Silent use: setup.exe /S, desinstaller.exe /S [/SUPPRIMER_DONNEES].

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS Win10
SetCompressor /SOLID lzma
RequestExecutionLevel user
; File times are those scripts/dist set (the commit's), so that two builds
; of a commit give the same bytes.
SetDateSave on

!define APP "Atelier"
!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\org.atelier.animation"

Name "${APP}"
Caption "Installation d’${APP} ${VERSION}"
BrandingText "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
Icon "${SRC}\atelier.ico"
UninstallIcon "${SRC}\atelier.ico"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${SRC}\atelier.ico"
!define MUI_UNICON "${SRC}\atelier.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\atelier.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Ouvrir Atelier"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

VIAddVersionKey /LANG=${LANG_FRENCH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_FRENCH} "FileDescription" "Installation d’${APP}"
VIAddVersionKey /LANG=${LANG_FRENCH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_FRENCH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_FRENCH} "LegalCopyright" "${APP}"

Section "Atelier"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${SRC}\atelier.exe"
  WriteUninstaller "$INSTDIR\desinstaller.exe"
  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\atelier.exe" "" "$INSTDIR\atelier.exe" 0 SW_SHOWNORMAL "" "${APP}"

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINST}" "DisplayIcon" "$INSTDIR\atelier.exe,0"
  WriteRegStr HKCU "${UNINST}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST}" "UninstallString" '"$INSTDIR\desinstaller.exe"'
  WriteRegStr HKCU "${UNINST}" "QuietUninstallString" '"$INSTDIR\desinstaller.exe" /S'
  WriteRegDWORD HKCU "${UNINST}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\atelier.exe"
  Delete "$INSTDIR\desinstaller.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST}"
  DeleteRegKey HKCU "Software\${APP}"

  ; The data stays unless asked: the cohorts, the attendance and the
  ; backups are the facilitators' work, and reinstalling finds them again.
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/SUPPRIMER_DONNEES" $R1
  IfErrors 0 purge
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
    "Supprimer aussi vos données (cohortes, présences, sauvegardes) du dossier $APPDATA\${APP} ?$\r$\n$\r$\nChoisissez Non pour les garder : une nouvelle installation les retrouvera." \
    /SD IDNO IDYES purge
  Goto done
purge:
  RMDir /r "$APPDATA\${APP}"
done:
SectionEnd
