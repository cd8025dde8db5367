package capsim.experiments.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Which build of capsim is running, as part of every job's key: the jar's version and a SHA-256
 * of the jar itself, so that a stored result is never reused by a build whose code differs
 * (a rebuilt jar counts as different). Run from class folders (tests, an IDE), it is the
 * version alone.
 */
final class CodeVersion {
    private CodeVersion() {
    }

    /** The version of the running build, computed once. */
    static String current() {
        return Holder.VERSION;
    }

    private static String compute() {
        String version = String.valueOf(CodeVersion.class.getPackage().getImplementationVersion());
        try {
            var source = CodeVersion.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return version;
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return version + " classes";
            }
            MessageDigest sha = Job.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(location), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return version + " " + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | URISyntaxException | SecurityException e) {
            return version + " unknown build";
        }
    }

    /** Computed on first use; immutable afterwards. */
    private static final class Holder {
        static final String VERSION = compute();
    }
}
