; Windows installer for the trainers' app (Inno Setup 6). Built by .github/workflows/release.yml on a
; Windows runner after `python -m barst.bundle -o dist`; not built or run on the Linux machines where
; barst is developed. By hand:  iscc /DAppVersion=0.1.0 /DAppDir=dist\barst packaging\barst.iss
;
; Per user, without admin rights (school laptops): it installs into %LOCALAPPDATA%\Programs\barst and
; adds a start-menu entry for the current user only. Progress and settings live elsewhere (the user's
; data folder), so updating or uninstalling never touches them.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppDir
  #define AppDir "..\dist\barst"
#endif

[Setup]
; The same AppId in every version, so a new installer updates the old install in place.
AppId={{6C2E0409-A8AE-46FA-9746-35C5E5BC8676}
AppName=barst
AppVersion={#AppVersion}
AppVerName=barst {#AppVersion}
AppPublisher=barst contributors
PrivilegesRequired=lowest
DefaultDirName={autopf}\barst
DefaultGroupName=barst
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayIcon={app}\barst-play.exe
UninstallDisplayName=barst
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=barst-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running game holds its files open: ask to close it rather than fail half-way.
CloseApplications=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[InstallDelete]
; An update replaces the whole program folder: libraries left over from an older version must not load.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#AppDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\barst"; Filename: "{app}\barst-play.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\barst"; Filename: "{app}\barst-play.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\barst-play.exe"; Description: "{cm:LaunchProgram,barst}"; Flags: nowait postinstall skipifsilent
