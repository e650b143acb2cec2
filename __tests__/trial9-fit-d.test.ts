/**
 * Plans true for their use-case, from a new user's and domain reviewer's ninth trial (TRIAL9, trial13; fixed by
 * fix13d): each use-case is planned from the flags a team would give, its plan checked for the statement the trial
 * showed false or missing, and beside it unlike use-cases for what must stay. All are planned into one folder, whose
 * code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const ARCHIVE = ["--summary", "A team admin archives a project: it becomes read-only for its members and can be restored", "--actor", "Team admin", "--context", "Projects", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid", "--value-object", "Reason?:string(0..500)", "--event", "ProjectArchived:projectId,archivedBy", "--transition", "Active->Archived", "--audit"];

const CASES: Record<string, FitCase> = {
  // W8: a relation that is a role among the resource's members (team-admin): the other members see the Project, so
  // hiding it from them with 404 protects nothing and contradicts the team's 403; outsiders still get 404.
  "Archive a project": {
    flags: [...ARCHIVE, "--relation", "team-admin", "--criteria", "Given a member who is not a team admin, when they archive the project, then they get 403"],
    must: [
      "a caller who is not a member gets 404, the same as for a missing Project; a member who is not a team-admin already sees the Project, so is answered 403",
      "| 403 | The caller is a member of the Project but not a team-admin |",
      "| 404 | No such Project; The caller is not a member of the Project: the same answer as for a missing one |",
      "findForMember(callerId: string, id: string)",
      "answers a member of the Project who is not a team-admin with 403, and changes nothing",
      "| access-relation-member-role | built-in",
    ],
    mustNot: ["for anyone else the query finds nothing", "findForTeamAdmin", "The caller is not a team-admin of the Project: the same answer", "| access-relation | built-in"],
  },
  // ...the same for an editor of a document, under its workspace.
  "Publish a document": {
    flags: ["--summary", "An editor publishes a draft document of the workspace", "--route", "/api/documents/:documentId/publish", "--resource", "Document", "--relation", "editor", "--value-object", "DocumentId:uuid", "--transition", "Draft->Published"],
    must: ["a member who is not an editor already sees the Document, so is answered 403", "findForMember(callerId"],
    mustNot: ["for anyone else the query finds nothing", "findForEditor"],
  },
  // ...while an owner's, or a host's, record is one person's: anyone else gets 404, and nothing speaks of members.
  "Archive my own project": {
    flags: [...ARCHIVE, "--relation", "owner"],
    must: ["Only the owner of the Project may call it", "for anyone else the query finds nothing, and the answer is 404", "findForOwner(callerId: string, id: string)", "| access-relation | built-in"],
    mustNot: ["findForMember", "a member who is not", "access-relation-member-role"],
  },
  "Rename a meeting": {
    flags: ["--method", "PATCH", "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid", "--value-object", "Title:string(1..200)"],
    must: ["Only the host of the Meeting may call it", "findForHost("],
    mustNot: ["findForMember", "a member who is not"],
  },
};


describeFit(CASES, "each plan says what is true for its use-case (TRIAL9, fix13d)");
