/// Passline's release version: the one place it is written. `passline --version`, `inquiry --version`
/// and the release tarball's name (`make dist`) all read it from here.
///
/// Bump it when a release is cut for helpdesk PCs and editors; the content has its own version
/// (`RuleBook.contentVersion`), which changes with every edit of `Content/` and needs no bump.
public enum PasslineVersion {
    public static let current = "0.1.0"
}
