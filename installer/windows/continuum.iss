; Continuum's Windows installer (Inno Setup 6.3 or newer).  Build it with build.ps1 beside this
; file, which makes dist\continuum (PyInstaller) and then runs:
;     ISCC.exe /DAppVersion=0.1.0 installer\windows\continuum.iss
; Output: dist\continuum-<version>-setup.exe
;
; Per-user install: no administrator rights are asked for (PrivilegesRequired=lowest), so
; {autopf} is the user's own programs folder, %LOCALAPPDATA%\Programs\Continuum, and the
; Start-menu and desktop shortcuts are the user's.  Installing a newer version over an older
; one replaces the program files (same AppId); the records are untouched.
;
; THE DATA IS NEVER DELETED.  Continuum keeps its records, key slots and logs in the per-user
; data folder from platformdirs, %LOCALAPPDATA%\Continuum\Continuum, which this installer
; does not install and the uninstaller does not know about: uninstalling removes only the
; files installed into {app}.  Do not add an [UninstallDelete] entry for the data folder:
; an organisation that reinstalls, or moves to a new computer, needs those records.
;
; This file is UTF-8 with a byte-order mark, so that Inno Setup reads the Spanish texts right.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z continuum.iss (build.ps1 does)
#endif

[Setup]
AppId={{F1CA089F-A906-4E1C-BF9D-23A446219E11}
AppName=Continuum
AppVersion={#AppVersion}
AppVerName=Continuum {#AppVersion}
AppPublisher=Continuum
AppComments=Offline, encrypted records for aftercare and recovery support
DefaultDirName={autopf}\Continuum
DefaultGroupName=Continuum
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=continuum-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\continuum.ico
UninstallDisplayIcon={app}\continuum.exe
UninstallDisplayName=Continuum
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
english.AppComment=Offline, encrypted records for aftercare and recovery support
spanish.AppComment=Registros cifrados y sin conexión para el seguimiento y la recuperación

[Messages]
english.FinishedLabel=Setup has finished installing [name] on your computer. Start it from the Start menu.%n%nYour records will be kept in your own data folder (%LOCALAPPDATA%\Continuum\Continuum), which uninstalling never removes.
spanish.FinishedLabel=El programa de instalación ha terminado de instalar [name] en su equipo. Ábralo desde el menú Inicio.%n%nSus registros se guardarán en su propia carpeta de datos (%LOCALAPPDATA%\Continuum\Continuum), que la desinstalación nunca borra.
english.UninstalledAll=%1 was removed from your computer. Your records in %LOCALAPPDATA%\Continuum\Continuum were kept.
spanish.UninstalledAll=%1 se ha quitado de su equipo. Sus registros en %LOCALAPPDATA%\Continuum\Continuum se han conservado.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\continuum\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an earlier version that this one no longer ships (the program folder only)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Continuum"; Filename: "{app}\continuum.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\Continuum"; Filename: "{app}\continuum.exe"; Tasks: desktopicon; Comment: "{cm:AppComment}"

[Run]
Filename: "{app}\continuum.exe"; Description: "{cm:LaunchProgram,Continuum}"; Flags: nowait postinstall skipifsilent
