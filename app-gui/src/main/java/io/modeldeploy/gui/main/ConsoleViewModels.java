package io.modeldeploy.gui.main;

import io.modeldeploy.gui.alerts.AlertCenter;
import io.modeldeploy.gui.alerts.FxScheduler;
import io.modeldeploy.gui.alerts.ToastQueue;
import io.modeldeploy.gui.demo.DemoViewModel;
import io.modeldeploy.gui.detail.DeploymentDetailViewModel;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.session.ConsoleSession;

import java.util.Objects;

/**
 * The console's composition root for one server: the session and every view-model that reads it.
 * {@link #create} builds them; the views only bind to them. Moving to another server is building a
 * new one and closing the old session.
 */
public record ConsoleViewModels(ConsoleSession session, MainViewModel main, DeploymentListViewModel list,
                                DeploymentDetailViewModel detail, DemoViewModel demo, AlertCenter alerts) {

    public ConsoleViewModels {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(alerts, "alerts");
    }

    /** A new session on the context's server, with its view-models. Nothing runs until the session is started. */
    public static ConsoleViewModels create(ConsoleContext context) {
        ConsoleSession session = new ConsoleSession(context.client(), context.connection(), context.tasks());
        DeploymentListViewModel list = new DeploymentListViewModel(session);
        list.allVersionsProperty().set(context.preferences().listAllVersions());
        list.allVersionsProperty().addListener((obs, old, now) -> context.preferences().setListAllVersions(now));
        MainViewModel main = new MainViewModel(session, list);
        DeploymentDetailViewModel detail = new DeploymentDetailViewModel(session);
        DemoViewModel demo = new DemoViewModel(session.api(), session.tasks(), context.connection().embedded(),
                main::report);
        AlertCenter alerts = new AlertCenter(session, context.preferences().alertRules(),
                new ToastQueue(session.clock(), new FxScheduler()), context.desktop());
        return new ConsoleViewModels(session, main, list, detail, demo, alerts);
    }
}
