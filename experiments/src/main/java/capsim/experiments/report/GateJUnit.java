package capsim.experiments.report;

import capsim.experiments.gate.GateRow;
import capsim.experiments.gate.GateRule;
import capsim.experiments.gate.RegressionCheck;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gate as a JUnit XML report, the format CI systems (GitHub Actions test reporters,
 * GitLab, Jenkins) read: one {@code testsuite} per model, a {@code testcase} per SLO (class
 * {@code capsim.gate.MODEL.slo}) and per regression check ({@code capsim.gate.MODEL.regression});
 * a failed case carries the numbers in its {@code failure message}, and a known failure (a target
 * the baseline missed too, accepted by {@code --known-failures}) is {@code skipped} with the numbers.
 */
public final class GateJUnit {
    private static final String SKIPPED = "skipped";

    private GateJUnit() {
    }

    /** The report of {@code rows} for {@code model}. */
    public static String xml(String model, List<GateRow> rows, GateRule rule) {
        List<RegressionCheck> checks = rows.stream().flatMap(r -> r.check().stream()).toList();
        int tests = rows.size() + checks.size();
        long failures = rows.stream().filter(r -> !r.pass() && !r.knownFailure()).count() + checks.stream()
                .filter(RegressionCheck::regressed).count();
        long skipped = rows.stream().filter(GateRow::knownFailure).count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            suiteCounts(xml, "capsim gate", tests, failures);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            suiteCounts(xml, "capsim.gate." + model, tests, failures);
            xml.writeAttribute("skipped", Long.toString(skipped));
            for (GateRow r : rows) {
                String target = r.op() + " " + Format.plain(r.target());
                String missed = r.metric() + " = " + GateReport.withUnit(r.metric(), r.now()) + ", target "
                        + GateReport.target(r);
                testcase(xml, model + ".slo", r.metric() + " " + target, r.pass() ? Optional.empty()
                        : Optional.of(r.knownFailure() ? missed + "; missed in the baseline too (known failure)"
                        : missed), r.knownFailure() ? SKIPPED : "slo");
            }
            for (GateRow r : rows) {
                if (r.check().isPresent()) {
                    RegressionCheck c = r.check().get();
                    String message = GateReport.checkMessage(c, rule);
                    testcase(xml, model + ".regression", c.compared() + " against the baseline",
                            c.regressed() ? Optional.of(message) : Optional.empty(), "regression");
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return text.toString();
    }

    private static void suiteCounts(XMLStreamWriter xml, String name, int tests, long failures)
            throws XMLStreamException {
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
    }

    /**
     * A test case; {@code failure} is its failure message, empty when it passed; of type
     * {@value #SKIPPED}, it is written as skipped (a known failure), not failed.
     */
    private static void testcase(XMLStreamWriter xml, String className, String name, Optional<String> failure,
                                 String type)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (failure.isEmpty()) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", "capsim.gate." + className);
        xml.writeAttribute("name", name);
        if (failure.isPresent()) {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement(type.equals(SKIPPED) ? SKIPPED : "failure");
            if (!type.equals(SKIPPED)) {
                xml.writeAttribute("type", type);
            }
            xml.writeAttribute("message", failure.get());
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
    }
}
