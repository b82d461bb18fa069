package dev.remediator.core.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The lifecycle table drawn as a Mermaid state diagram, for {@code docs/architecture.md}: a test checks that the
 * document shows exactly this drawing, so that the picture and the code cannot drift apart.
 */
public final class LifecycleDiagram {

    private LifecycleDiagram() {
    }

    public static String mermaid() {
        // one arrow per pair of states, in the order of the states, labelled with every event that makes that move
        Map<String, List<String>> arrows = new LinkedHashMap<>();
        for (RemediationEvent event : RemediationEvent.values()) {
            if (event.from().isEmpty()) {
                arrows.computeIfAbsent("[*] --> " + event.to(), k -> new ArrayList<>()).add(event.name());
            }
        }
        for (RemediationState from : RemediationState.values()) {
            for (RemediationState to : RemediationState.values()) {
                for (RemediationEvent event : RemediationEvent.values()) {
                    if (event.from().contains(from) && event.to() == to) {
                        arrows.computeIfAbsent(from + " --> " + to, k -> new ArrayList<>()).add(event.name());
                    }
                }
            }
        }
        StringJoiner diagram = new StringJoiner("\n", "```mermaid\nstateDiagram-v2\n", "\n```");
        arrows.forEach((arrow, events) -> diagram.add("    " + arrow + " : " + String.join(", ", events)));
        return diagram.toString();
    }
}
