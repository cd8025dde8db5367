package capsim.experiments.summary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of {@code slo[]}: the metric, its target, the operator ("<=" or ">="), the value and the verdict. */
public record SloVerdict(String metric, double target, String op, double value, boolean pass) {

    /** As JSON: {metric, target, op, value, pass}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("metric", metric);
        node.put("target", target);
        node.put("op", op);
        node.put("value", value);
        node.put("pass", pass);
        return node;
    }
}
