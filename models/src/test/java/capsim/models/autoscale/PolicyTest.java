package capsim.models.autoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Metric;
import capsim.models.spec.AutoscaleSpec.Scheduled;
import capsim.models.spec.AutoscaleSpec.Step;
import capsim.models.spec.AutoscaleSpec.StepScaling;
import capsim.models.spec.AutoscaleSpec.TargetTracking;
import capsim.models.spec.AutoscaleSpec.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target tracking, step and scheduled policies on observations written out by hand. */
class PolicyTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static AutoscaleSpec targetTracking(int min, int max, double scaleInRatio) {
        return new AutoscaleSpec(min, max, new TargetTracking(Metric.CPU, 50, 60, 3, 15, 300, scaleInRatio));
    }

    // ---- target tracking ------------------------------------------------------------------

    @Test
    void targetTrackingScalesOutAfterThreeDatapointsProportionallyRoundingUp() {
        TargetTrackingPolicy p = new TargetTrackingPolicy(targetTracking(1, 20, 1.0));
        // 4 nodes: 60%, 70% (two above), 40% (run broken), then 60, 70, 80: the third in a row
        // decides ceil(4 x 80 / 50) = ceil(6.4) = 7
        assertEquals(4, p.desired(new Observation(60, 60, 4, 4)));
        assertEquals(4, p.desired(new Observation(120, 70, 4, 4)));
        assertEquals(4, p.desired(new Observation(180, 40, 4, 4)));
        assertEquals(4, p.desired(new Observation(240, 60, 4, 4)));
        assertEquals(4, p.desired(new Observation(300, 70, 4, 4)));
        assertEquals(7, p.desired(new Observation(360, 80, 4, 4)));
        // still in alarm: the 3 warming nodes are in the capacity, not in the metric:
        // max(7, ceil(4 x 80 / 50)) = 7, no second launch
        assertEquals(7, p.desired(new Observation(420, 80, 4, 7)));
        // the metric rises: ceil(4 x 90 / 50) = ceil(7.2) = 8, one more
        assertEquals(8, p.desired(new Observation(480, 90, 4, 7)));
    }

    @Test
    void targetTrackingScalesInAfterFifteenDatapointsOnlyWhenNothingWarms() {
        TargetTrackingPolicy p = new TargetTrackingPolicy(targetTracking(2, 20, 1.0));
        // 10 nodes at 20% of a 50% target: 14 datapoints below change nothing
        for (int k = 1; k <= 14; k++) {
            assertEquals(10, p.desired(new Observation(60 * k, 20, 10, 10)), "datapoint " + k);
        }
        // the 15th, with one node still warming: no scale-in
        assertEquals(10, p.desired(new Observation(900, 20, 9, 10)));
        // the 16th, all warm: ceil(10 x 20 / 50) = 4 (removal of 6 rounded down)
        assertEquals(4, p.desired(new Observation(960, 20, 10, 10)));
        // 4 nodes at 47%: ceil(4 x 47 / 50) = ceil(3.76) = 4, nothing to remove
        assertEquals(4, p.desired(new Observation(1020, 47, 4, 4)));
        // 4 nodes at 10%: ceil(0.8) = 1, held at min 2
        assertEquals(2, p.desired(new Observation(1080, 10, 4, 4)));
    }

    @Test
    void scaleInRatioLowersTheScaleInThreshold() {
        // ratio 0.9: the scale-in alarm needs the metric below 45% for a 50% target
        TargetTrackingPolicy p = new TargetTrackingPolicy(targetTracking(1, 20, 0.9));
        for (int k = 1; k <= 20; k++) {
            assertEquals(10, p.desired(new Observation(60 * k, 46, 10, 10)));
        }
        for (int k = 21; k < 35; k++) {
            assertEquals(10, p.desired(new Observation(60 * k, 44, 10, 10)));
        }
        // 15th datapoint below 45%: ceil(10 x 44 / 50) = ceil(8.8) = 9
        assertEquals(9, p.desired(new Observation(60 * 35, 44, 10, 10)));
    }

    @Test
    void noMetricBreaksTheRun() {
        TargetTrackingPolicy p = new TargetTrackingPolicy(targetTracking(1, 20, 1.0));
        p.desired(new Observation(60, 90, 2, 2));
        p.desired(new Observation(120, 90, 2, 2));
        assertEquals(2, p.desired(new Observation(180, Double.NaN, 0, 2)));
        assertEquals(2, p.desired(new Observation(240, 90, 2, 2)));
    }

    // ---- step scaling -----------------------------------------------------------------------

    /** Steps [80, 90) +2, [90, inf) +4, (-inf, 30] -1; 2..12 nodes; cooldown 300 s. */
    private static AutoscaleSpec steps(int datapoints) {
        return new AutoscaleSpec(2, 12, new StepScaling(Metric.CPU, 60, datapoints, 300, List.of(
                new Step(-INF, 30, -1), new Step(80, 90, 2), new Step(90, INF, 4))));
    }

    @Test
    void stepScalingAppliesTheMatchingStepThenWaitsForTheCooldown() {
        StepScalingPolicy p = new StepScalingPolicy(steps(1));
        // t=60: 50%, no alarm                                         -> 4
        // t=120: 85% in [80, 90): +2, cooldown until 420                -> 6
        // t=180..360: 95%, in cooldown                                  -> 6
        // t=420: 95% in [90, inf): +4, cooldown until 720               -> 10
        // t=480: 50%                                                    -> 10
        // t=540..660: 20%, in cooldown                                  -> 10
        // t=720: 20% in (-inf, 30]: -1, cooldown until 1020             -> 9
        // t=780..960: 20%, in cooldown; t=1020: -1                      -> 8
        double[] metric = {50, 85, 95, 95, 95, 95, 95, 50, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20};
        int[] expected = {4, 6, 6, 6, 6, 6, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, 8, 8};
        int capacity = 4;
        for (int k = 0; k < metric.length; k++) {
            capacity = p.desired(new Observation(60 * (k + 1), metric[k], capacity, capacity));
            assertEquals(expected[k], capacity, "t=" + 60 * (k + 1));
        }
    }

    @Test
    void stepBoundsAreInclusiveOnTheThresholdSide() {
        // 90 is in [90, inf): +4; 30 is in (-inf, 30]: -1; 79.9 and 30.1: no alarm
        assertEquals(8, new StepScalingPolicy(steps(1)).desired(new Observation(60, 90, 4, 4)));
        assertEquals(3, new StepScalingPolicy(steps(1)).desired(new Observation(60, 30, 4, 4)));
        assertEquals(4, new StepScalingPolicy(steps(1)).desired(new Observation(60, 79.9, 4, 4)));
        assertEquals(4, new StepScalingPolicy(steps(1)).desired(new Observation(60, 30.1, 4, 4)));
    }

    @Test
    void stepAlarmNeedsItsDatapointsAndAChangeClampedAwayStartsNoCooldown() {
        StepScalingPolicy p = new StepScalingPolicy(steps(2));
        // two datapoints: 95 then 95 -> +4 at the second
        assertEquals(11, p.desired(new Observation(60, 95, 11, 11)));
        // 11 + 4 clamped to max 12
        assertEquals(12, p.desired(new Observation(120, 95, 11, 11)));
        // at max (in cooldown from 120): nothing; after the cooldown, +4 changes nothing and
        // starts no cooldown, so a scale-in step at the next datapoint applies at once
        assertEquals(12, p.desired(new Observation(180, 95, 12, 12)));
        assertEquals(12, p.desired(new Observation(420, 95, 12, 12)));
        assertEquals(12, p.desired(new Observation(480, 20, 12, 12)));
        assertEquals(11, p.desired(new Observation(540, 20, 12, 12)));
    }

    // ---- scheduled ---------------------------------------------------------------------------

    @Test
    void scheduleDecidesAtEachWindowBoundaryInHoursOfTheDay() {
        // simulated time 0 is 06:00; 08:00-18:00 with 9 nodes, 22:00-02:00 with 2, else 4
        AutoscaleSpec spec = new AutoscaleSpec(2, 9, new Scheduled(4, List.of(new Window(8, 18, 9),
                new Window(22, 2, 2))));
        ScheduledPolicy p = new ScheduledPolicy(spec, 6);
        assertEquals(4, p.desired(new Observation(0, Double.NaN, 0, 4)));
        // boundaries: 08:00 = 7200 s, 18:00 = 43200 s, 22:00 = 57600 s, 02:00 = 72000 s, 08:00 = 93600 s
        double[] at = {7200, 43200, 57600, 72000, 93600};
        int[] count = {9, 4, 2, 4, 9};
        double t = 0;
        for (int i = 0; i < at.length; i++) {
            t = p.nextDecisionS(t);
            assertEquals(at[i], t, 1e-6);
            assertEquals(count[i], p.desired(new Observation(t, Double.NaN, 0, 4)), "at " + at[i]);
        }
        // one second before 18:00 the window still holds
        assertEquals(9, p.desired(new Observation(43199, Double.NaN, 0, 9)));
    }

    @Test
    void scheduleTellsHowLongAgoItsLastBoundaryWasCrossed() {
        // 06:00 at t = 0: the last boundary was 02:00, 4 h before; at 08:00 (7200 s) it is 0;
        // at 09:30 (12600 s) 1.5 h
        AutoscaleSpec spec = new AutoscaleSpec(2, 9, new Scheduled(4, List.of(new Window(8, 18, 9),
                new Window(22, 2, 2))));
        ScheduledPolicy p = new ScheduledPolicy(spec, 6);
        assertEquals(4 * 3600, p.setAgoS(0), 1e-3);
        assertEquals(0, p.setAgoS(7200), 1e-3);
        assertEquals(1.5 * 3600, p.setAgoS(12600), 1e-3);
        // 23:00 at t = 0: 22:00 was an hour before
        assertEquals(3600, new ScheduledPolicy(spec, 23).setAgoS(0), 1e-3);
    }
}
