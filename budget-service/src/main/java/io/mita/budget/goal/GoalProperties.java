package io.mita.budget.goal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.goals.*} (defaults in application.yml only). {@code transferInterval}: how often the automatic
 * monthly transfer looks for goals whose transfer of the current month is due ({@code
 * MITA_GOALS_TRANSFER_INTERVAL}); {@code transferEnabled}: whether it runs at all ({@code
 * MITA_GOALS_TRANSFER_ENABLED}).
 */
@ConfigurationProperties("mita.goals")
record GoalProperties(Duration transferInterval, boolean transferEnabled) {}
