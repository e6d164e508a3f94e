namespace Grants.Infrastructure;

/// <summary>
/// Folders and files the app writes (database, its WAL, mail pickup, data-protection keys) are for the
/// account running it only: folders 0700, files 0600. SQLite gives its -wal and -shm files the mode of the
/// database file, so creating that file 0600 covers them.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder 0700. An existing folder is left as it is: it may be shared (/tmp) or set up by an operator.</summary>
    public static DirectoryInfo Folder(string path) =>
        OperatingSystem.IsWindows() || Directory.Exists(path) ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerFolder);

    /// <summary>Creates an empty file 0600 if it is missing and tightens it when it exists.</summary>
    public static void File0600(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFile });
        }
        File.SetUnixFileMode(path, OwnerFile);
        foreach (var companion in new[] { path + "-wal", path + "-shm" })
            if (File.Exists(companion)) File.SetUnixFileMode(companion, OwnerFile);
    }

    /// <summary>A new file for writing, 0600 from the moment it exists.</summary>
    public static FileStream Create(string path) =>
        new(path, OperatingSystem.IsWindows()
            ? new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }
            : new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFile });
}
