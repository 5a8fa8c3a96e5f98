@echo off
rem Kiln bootstrapper for cmd: delegates to build.ps1 (PowerShell 7), passing every argument.
pwsh -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
exit /b %ERRORLEVEL%
