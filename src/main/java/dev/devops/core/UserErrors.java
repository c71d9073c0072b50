package dev.devops.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Several problems with one input, found in one pass (every error of a devops.yaml, not the first only), in
 * file order. Printed one line each ("file:line:column: what is wrong; what to do"), like a compiler's errors;
 * exit code 2 as for any {@link UserError}. Its own location and message are the first problem's.
 */
public final class UserErrors extends UserError {
    private static final long serialVersionUID = 1L;
    private final transient List<UserError> all;

    private UserErrors(List<UserError> all) {
        super(all.get(0).location(), all.get(0).getMessage(), all.get(0).hint());
        this.all = List.copyOf(all);
    }

    /** One error for {@code problems} (not empty): the problem itself when it is alone, sorted by line and column. */
    public static UserError of(List<UserError> problems) {
        List<UserError> flat = new ArrayList<>();
        for (UserError e : problems) {
            if (e instanceof UserErrors m) {
                flat.addAll(m.all);
            } else {
                flat.add(e);
            }
        }
        if (flat.size() == 1) {
            return flat.get(0);
        }
        flat.sort(Comparator.comparingInt((UserError e) -> e.location() == null ? 0 : e.location().line())
                .thenComparingInt(e -> e.location() == null ? 0 : e.location().column()));
        return new UserErrors(flat);
    }

    /** Every problem, in file order. */
    public List<UserError> all() {
        return all;
    }

    @Override
    public List<String> lines() {
        return all.stream().map(UserError::oneLine).toList();
    }

    @Override
    public String oneLine() {
        return String.join("\n", lines());
    }
}
