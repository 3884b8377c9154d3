package io.mita.insights.rebuild;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The members of the live consumer group that are not this instance's live consumer: while there is one, another
 * instance applies events into the live tables, and a rebuild's swap would drop what it applied (its inbox already
 * marks those events processed), so the rebuild refuses to start or to swap.
 *
 * @param group the live consumer group
 * @param members the other members, as Kafka describes them
 */
record OtherConsumers(String group, List<Member> members) {

    /** A member of the group: its client id and the host the broker sees it connect from. */
    record Member(String clientId, String host) {}

    OtherConsumers {
        members = List.copyOf(members);
    }

    /** The members of {@code group} whose client id is not one of {@code own}. */
    static OtherConsumers of(String group, Collection<Member> members, Predicate<String> own) {
        return new OtherConsumers(
                group,
                members.stream().filter(member -> !own.test(member.clientId())).toList());
    }

    /**
     * The partitions whose committed offset of the group differs between {@code before} and {@code after}, as
     * "partition" -> "before -> after" ("none" for no offset): with the live consumer of this instance stopped, a
     * moved offset means another consumer applied events meanwhile, even one that has left the group again.
     */
    static Map<String, String> movedOffsets(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> moved = new TreeMap<>();
        Set<String> partitions = new TreeSet<>(before.keySet());
        partitions.addAll(after.keySet());
        for (String partition : partitions) {
            Long was = before.get(partition);
            Long is = after.get(partition);
            if (!Objects.equals(was, is)) {
                moved.put(partition, (was == null ? "none" : was) + " -> " + (is == null ? "none" : is));
            }
        }
        return moved;
    }

    boolean none() {
        return members.isEmpty();
    }

    /** "2 other members in consumer group g: a (/10.0.0.5), b (/10.0.0.6)". */
    String describe() {
        return members.size()
                + (members.size() == 1 ? " other member" : " other members")
                + " in consumer group "
                + group
                + ": "
                + members.stream()
                        .map(member -> member.clientId() + " (" + member.host() + ")")
                        .collect(Collectors.joining(", "));
    }
}
