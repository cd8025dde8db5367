package capsim.experiments.cli;

import capsim.experiments.report.Destination;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The closing lines of a command that wrote files: what it wrote, and the report to open. */
final class Written {
    private Written() {
    }

    /** "wrote FIRST, NAME, NAME ..." and, when there is one, where the HTML report is. */
    static void list(Destination to, PrintWriter out) {
        List<Path> files = to.written();
        if (files.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("wrote ").append(files.get(0));
        files.subList(1, files.size()).forEach(f -> b.append(", ").append(to.folder().relativize(f)));
        out.println();
        out.println(b);
        files.stream().filter(f -> f.getFileName().toString().equals("report.html")).findFirst()
                .ifPresent(f -> out.println("open " + f.toUri() + " in a browser to read the report"));
        out.flush();
    }
}
