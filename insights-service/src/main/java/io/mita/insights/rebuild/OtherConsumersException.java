package io.mita.insights.rebuild;

import io.mita.common.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;

/**
 * Another member is in the live consumer group: before the start, the rebuild does not begin; found again right
 * before the swap (or the group's committed offsets moved during the replay), nothing is swapped. Both answer 409
 * {@code INSIGHTS_REBUILD_OTHER_CONSUMERS} with the stage ({@code start} or {@code swap}), the group, its other
 * members and, for moved offsets, {@code movedOffsets}.
 */
class OtherConsumersException extends ProblemException {

    static final String CODE = "INSIGHTS_REBUILD_OTHER_CONSUMERS";
    private static final String TITLE = "Other consumers in the live consumer group";
    private static final String WHAT_TO_DO =
            "Scale insights-service to one instance, run the rebuild, then scale it back (docs/insights.md, section Rebuild).";

    private final ProjectionRebuild.Stage stage;
    private final String group;
    private final List<OtherConsumers.Member> members;
    private final Map<String, String> movedOffsets;

    /** Other members in the group at {@code stage}. */
    OtherConsumersException(OtherConsumers others, ProjectionRebuild.Stage stage) {
        super(HttpStatus.CONFLICT, CODE, TITLE, detail(others, stage));
        this.stage = stage;
        this.group = others.group();
        this.members = others.members();
        this.movedOffsets = Map.of();
    }

    /** No other member at the swap, but the group's committed offsets moved during the replay. */
    OtherConsumersException(String group, Map<String, String> movedOffsets) {
        super(
                HttpStatus.CONFLICT,
                CODE,
                TITLE,
                "The rebuild failed before its swap: the committed offsets of consumer group " + group
                        + " moved during the replay (" + movedOffsets
                        + "), so another consumer applied events meanwhile and left again. Nothing was swapped, the"
                        + " projections are as before and this instance's consumer goes on. " + WHAT_TO_DO);
        this.stage = ProjectionRebuild.Stage.SWAP;
        this.group = group;
        this.members = List.of();
        this.movedOffsets = Map.copyOf(movedOffsets);
    }

    private static String detail(OtherConsumers others, ProjectionRebuild.Stage stage) {
        return switch (stage) {
            case START ->
                "The rebuild did not start: " + others.describe()
                        + ". It stops only this instance's consumer; another instance would go on applying events into"
                        + " tables the swap replaces, and they would be lost. " + WHAT_TO_DO;
            case SWAP ->
                "The rebuild failed before its swap: " + others.describe()
                        + " (joined during the replay). Nothing was swapped, the projections are as before and this"
                        + " instance's consumer goes on. " + WHAT_TO_DO;
        };
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("stage", stage.name().toLowerCase(Locale.ROOT));
        extensions.put("group", group);
        extensions.put(
                "members",
                members.stream()
                        .map(member -> Map.of("clientId", member.clientId(), "host", member.host()))
                        .toList());
        if (!movedOffsets.isEmpty()) {
            extensions.put("movedOffsets", new TreeMap<>(movedOffsets));
        }
        return extensions;
    }
}
