//! The programme's deployment, region by region: where each member stands (informed, volunteer to
//! test, will test, testing, using, reviewed), the presentations and trainings held, and the
//! timeline of it all, printable.
//! The administrator sees every region and the nation; a regional delegate, their region.

pub mod informed;
pub mod page;
pub mod presentation;
pub mod roll_out;
pub mod show;
pub mod volunteer;
